// Placeholder until this target's first file lands; the lead deletes it.
