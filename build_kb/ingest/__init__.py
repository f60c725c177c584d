"""Stages 1–3: read the files, clean them (boilerplate, layout repair), parse header and sections."""
