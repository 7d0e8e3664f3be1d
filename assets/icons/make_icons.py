#!/usr/bin/env python3
"""Draws the app icon: a stylised loss curve with a sharp and a flat minimum (the paper's subject),
as SVG, then PNGs of 16..512 px with ImageMagick's `convert`. Run from anywhere:
    python3 assets/icons/make_icons.py
"""
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = (16, 32, 48, 64, 128, 256, 512)


def loss(x):
    """A loss over [0, 1]: a narrow (sharp) well at 0.3 and a wide (flat) one at 0.7, equally deep."""
    sharp = 0.78 * math.exp(-((x - 0.3) / 0.045) ** 2)
    flat = 0.78 * math.exp(-((x - 0.7) / 0.15) ** 6)
    return 0.9 - sharp - flat + 0.25 * (x - 0.5) ** 2


def svg():
    pad, size = 40, 512
    def at(x):
        return pad + x * (size - 2 * pad), pad + 40 + (1.0 - loss(x)) * (size - 2 * pad - 80)
    pts = []
    for i in range(401):
        x = i / 400
        px = pad + x * (size - 2 * pad)
        py = at(x)[1]
        pts.append(f"{px:.1f},{py:.1f}")
    sx, sy = at(0.3)
    fx, fy = at(0.7)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}">
  <rect x="8" y="8" width="496" height="496" rx="96" ry="96" fill="#1f3a5f"/>
  <polyline points="{' '.join(pts)}" fill="none" stroke="#f2a541" stroke-width="30"
            stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="{sx:.1f}" cy="{sy:.1f}" r="30" fill="#e4572e" stroke="#ffffff" stroke-width="10"/>
  <circle cx="{fx:.1f}" cy="{fy:.1f}" r="30" fill="#76b041" stroke="#ffffff" stroke-width="10"/>
</svg>
"""


def main():
    path = os.path.join(HERE, "sharp-minima-lab.svg")
    with open(path, "w", encoding="utf-8") as f:
        f.write(svg())
    for s in SIZES:
        out = os.path.join(HERE, f"sharp-minima-lab-{s}.png")
        subprocess.run(["convert", "-background", "none", "-density", "300", path,
                        "-resize", f"{s}x{s}", "-depth", "8", "-strip", out], check=True)
        print(out)


if __name__ == "__main__":
    main()
