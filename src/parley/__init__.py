"""Parley: peace-negotiation meetings, actors and statements from Russian news."""
import os

# Two BLAS threads made slovnet up to 8x slower; one thread per process is the fast setting.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
