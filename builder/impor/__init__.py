"""Drafting data files from a report file: read -> recognise -> draft."""
