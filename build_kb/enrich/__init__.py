"""Stage 4: enrich the parsed speeches — themes, segmentation, 提法 (terms), related passages."""
