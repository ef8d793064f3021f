"""The surveys plugin's Chorus hook implementations (called only where surveys is on)."""
