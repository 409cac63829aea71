"""What every benchmark report names about the machine it ran on.

Why shared: sessions run on different VMs (Intel Xeon one day, AMD EPYC the next), and a
per-core number means little without the CPU model next to it.
"""

from __future__ import annotations

import platform
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo ('AMD EPYC'), else what ``platform`` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"
