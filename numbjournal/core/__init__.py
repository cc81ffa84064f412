"""The journal's domain, rules, storage and file formats. Never imports Qt."""
