"""Topic colours: one palette for every figure and the explorer, distinct up to 50 topics.

The first seven colours are Okabe & Ito's (2008) colour-blind-safe set (their black is left
out: it hides labels and dominates stacked areas). Every further colour is picked greedily
from a grid of sRGB colours as the one farthest (CIEDE2000 colour difference) from the
colours already chosen, from white, black and the grey that marks missing data. Distance
counts twice: as normal vision sees it and, weighted by ``CVD_WEIGHT``, as protanopes and
deuteranopes see it (Machado, Oliveira & Fernandes 2009 simulation), so the first dozen
colours stay apart for the commonest colour-vision deficiencies too. The picks are
deterministic, so topic *k* has the same colour in every run.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"]
# Colours the palette keeps away from: the page, text, and the grey of missing data.
RESERVED = ["#FFFFFF", "#000000", "#999999"]
# Topics with a colour of their own; past this, colours repeat with a hatch pattern.
PALETTE_SIZE = 50
# Weight of the colour-vision-deficiency distance against the normal one.
CVD_WEIGHT = 2.0
# Candidate colours: a grid of sRGB levels, kept to mid lightness and clear chroma
# (visible on white, not mistaken for grey).
_GRID_LEVELS = 18
_LIGHTNESS = (30.0, 82.0)
_MIN_CHROMA = 25.0

# Machado et al. (2009), severity 1, applied to linear RGB.
_PROTANOPIA = np.array(
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
)
_DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
_RGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
_D65 = np.array([0.95047, 1.0, 1.08883])


def hex_to_rgb(colours: list[str]) -> np.ndarray:
    """(n, 3) sRGB values in [0, 1] of ``#RRGGBB`` strings."""
    return np.array([[int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)] for c in colours])


def rgb_to_hex(rgb: np.ndarray) -> str:
    """``#RRGGBB`` of one sRGB triple in [0, 1]."""
    return "#" + "".join(f"{round(float(v) * 255):02X}" for v in rgb)


def linear_rgb(rgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] to linear light."""
    rgb = np.asarray(rgb, dtype=float)
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB`` (0 black, 1 white)."""
    return float(linear_rgb(hex_to_rgb([colour])[0]) @ _RGB_TO_XYZ[1])


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_for(colour: str) -> str:
    """Black or white: whichever reads better on ``colour`` (higher WCAG contrast)."""
    black = contrast_ratio(colour, "#000000")
    return "#000000" if black >= contrast_ratio(colour, "#FFFFFF") else "#FFFFFF"


def _lab(linear: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of linear-RGB rows."""
    xyz = linear @ _RGB_TO_XYZ.T / _D65
    delta = 6 / 29
    f = np.where(xyz > delta**3, np.cbrt(xyz), xyz / (3 * delta**2) + 4 / 29)
    return np.stack(
        [116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1
    )


def views(rgb: np.ndarray) -> np.ndarray:
    """(3, n, 3) CIELAB of sRGB rows as seen with normal vision, protanopia, deuteranopia."""
    linear = linear_rgb(rgb)
    seen = [linear, *(np.clip(linear @ m.T, 0, 1) for m in (_PROTANOPIA, _DEUTERANOPIA))]
    return np.stack([_lab(v) for v in seen])


def delta_e(lab_a: np.ndarray, lab_b: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005), broadcasting over rows."""
    l1, a1, b1 = np.moveaxis(lab_a, -1, 0)
    l2, a2, b2 = np.moveaxis(lab_b, -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    h1 = np.degrees(np.arctan2(b1, a1)) % 360
    h2 = np.degrees(np.arctan2(b2, a2)) % 360
    chroma_zero = c1 * c2 == 0
    dh = h2 - h1
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(chroma_zero, 0.0, dh)
    big_h = 2 * np.sqrt(c1 * c2) * np.sin(np.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    h_sum = h1 + h2
    h_mean = np.where(
        chroma_zero,
        h_sum,
        np.where(
            np.abs(h1 - h2) > 180,
            np.where(h_sum < 360, (h_sum + 360) / 2, (h_sum - 360) / 2),
            h_sum / 2,
        ),
    )
    t = (
        1
        - 0.17 * np.cos(np.radians(h_mean - 30))
        + 0.24 * np.cos(np.radians(2 * h_mean))
        + 0.32 * np.cos(np.radians(3 * h_mean + 6))
        - 0.20 * np.cos(np.radians(4 * h_mean - 63))
    )
    rotation = 30 * np.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / np.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -np.sin(np.radians(2 * rotation)) * r_c
    dl, dc, dh_ = (l2 - l1) / s_l, (c2 - c1) / s_c, big_h / s_h
    return np.sqrt(dl**2 + dc**2 + dh_**2 + r_t * dc * dh_)


def _distance_to(candidates: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """Per candidate, the weighted distance to its nearest colour in ``chosen`` (views)."""
    normal = delta_e(candidates[0][:, None, :], chosen[0][None, :, :]).min(axis=1)
    deficient = np.min(
        [delta_e(candidates[v][:, None, :], chosen[v][None, :, :]).min(axis=1) for v in (1, 2)],
        axis=0,
    )
    return np.minimum(normal, CVD_WEIGHT * deficient)


@lru_cache(maxsize=4)
def topic_palette(n: int = PALETTE_SIZE) -> tuple[str, ...]:
    """The first ``n`` topic colours (``#RRGGBB``), Okabe–Ito first."""
    levels = np.linspace(0.0, 1.0, _GRID_LEVELS)
    grid = np.array(np.meshgrid(levels, levels, levels, indexing="ij")).reshape(3, -1).T
    seen = views(grid)
    lightness, chroma = seen[0, :, 0], np.hypot(seen[0, :, 1], seen[0, :, 2])
    usable = (lightness >= _LIGHTNESS[0]) & (lightness <= _LIGHTNESS[1]) & (chroma >= _MIN_CHROMA)
    grid, seen = grid[usable], seen[:, usable]
    palette = list(OKABE_ITO[:n])
    score = _distance_to(seen, views(hex_to_rgb(RESERVED + palette)))
    while len(palette) < n:
        best = int(np.argmax(score))
        palette.append(rgb_to_hex(grid[best]))
        score = np.minimum(score, _distance_to(seen, seen[:, best : best + 1]))
    return tuple(palette)
