// Placeholder so the target builds while the module is written; replaced by the module's sources.
