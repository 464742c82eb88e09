package dev.rpcchat.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages of chat-app depend on each other one way only.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.rpcchat.server");

	@Test
	void theFeaturePackagesHaveNoCycle() {
		slices().matching("dev.rpcchat.server.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theStoreAndTheRulesItUsesDependOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("dev.rpcchat.server.store..", "dev.rpcchat.server.name..", "dev.rpcchat.server.rate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.rpcchat.server.message..", "dev.rpcchat.server.room..",
					"dev.rpcchat.server.user..", "dev.rpcchat.server.binder..")
			.check(classes);
	}

	@Test
	void theRulesDependOnNothingOfTheApplication() {
		noClasses().that()
			.resideInAnyPackage("dev.rpcchat.server.name..", "dev.rpcchat.server.rate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.rpcchat.server.store..", "dev.rpcchat.server.message..",
					"dev.rpcchat.server.room..", "dev.rpcchat.server.user..")
			.check(classes);
	}

	@Test
	void onlyTheApplicationPackageItselfSeesTheFacade() {
		noClasses().that()
			.resideOutsideOfPackage("dev.rpcchat.server")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(DefaultChatService.class, ChatServerConfiguration.class)
			.check(classes);
	}

}
