// For Node scripts that run the device's outbox (the sync benchmark): an in-memory IndexedDB.
import "fake-indexeddb/auto";
