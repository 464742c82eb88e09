package dev.rpcchat.server.name;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "ana", "Ana_B-1.x", "joão", "Zoë", "Łukasz", "ĐỗHùng", "Дмитрий", "Σωκράτης", "राम",
			"محمد", "田中さん", "タナカ", "김민준", "王小明", "ㄅㄆ王", "user42", "٣٤" })
	void lettersOfOneScriptOrOfAnAllowedMixAreValid(String name) {
		assertThat(Names.isValidUsername(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0430na", "p\u0430ypal", "Ana\u0391", "\u3164", "ana\u3164", "a\u200bna", "an\u00ada",
			"ana\ufe0f", "ana\u202e", "a na", "ana!", "", "\u0301ana", "a\ud800", "\ud83d\ude00" })
	void mixedScriptsInvisibleCharactersAndOthersAreInvalid(String name) {
		assertThat(Names.isValidUsername(name)).isFalse();
	}

	@Test
	void aNameIsTakenInNfcAndMatchedInNfkcCaseInsensitively() {
		String decomposed = "joa\u0303o";
		assertThat(Names.isValidUsername(decomposed)).isTrue();
		assertThat(Names.normalize(decomposed)).isEqualTo("jo\u00e3o");
		assertThat(Names.key(decomposed)).isEqualTo(Names.key("JOÃO"));
		assertThat(Names.key("\uff41\uff4e\uff41")).isEqualTo(Names.key("ANA"));
		assertThat(Names.key("\u0430na")).isNotEqualTo(Names.key("ana"));
	}

	@Test
	void lengthCountsCodePointsOfTheNfcForm() {
		assertThat(Names.isValidUsername("ã".repeat(32))).isTrue();
		assertThat(Names.isValidUsername("a\u0303".repeat(32))).isTrue();
		assertThat(Names.isValidUsername("ã".repeat(33))).isFalse();
		assertThat(Names.isValidRoomName("x".repeat(64))).isTrue();
		assertThat(Names.isValidRoomName("x".repeat(65))).isFalse();
	}

}
