/**
 * The wire contract of rpc-chat: service interfaces with their JSON-RPC names, the
 * records that cross the wire and the error codes. Plain Java and Jackson annotations, no
 * Spring.
 */
package dev.rpcchat.api;
