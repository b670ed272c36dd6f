"""Files and their contents: what to check (discovery), bytes to text and back (source), notebooks, dependency declarations."""
