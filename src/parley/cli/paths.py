"""Checks on paths given on the command line, made before any work starts."""
from __future__ import annotations

import os
from pathlib import Path


def unwritable(output: Path) -> str | None:
    """Why ``output`` cannot be written; None when it can."""
    if output.is_dir():
        return "it is a folder; give a file name"
    folder = output.parent
    if not folder.is_dir():
        return f"no such folder {folder}"
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return "permission denied"
    return None
