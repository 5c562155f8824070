"""The diagram's sizes and strengths in one table: every number the face painter uses, named."""

from __future__ import annotations

from dataclasses import dataclass


def clamp_scaled(px_per_unit: float, per_unit: float, low: float, high: float) -> float:
    """``per_unit`` face units in pixels, kept between ``low`` and ``high`` pixels."""
    return max(low, min(high, px_per_unit * per_unit))


@dataclass(frozen=True)
class DiagramStyle:
    """Sizes are face units (scaled with the drawing) clamped to pixel bounds; alphas are 0..1 or 0..255."""

    margin_px: float = 12.0
    # node markers and their names
    marker_per_unit: float = 0.016
    marker_px: tuple[float, float] = (5.0, 12.0)
    marker_pen_px: float = 1.5
    label_pt_per_unit: float = 0.014
    label_pt: tuple[float, float] = (8.0, 12.0)
    label_gap_px: float = 6.0
    # areas: the routine's faintly dotted, skipped ones hatched, the active one tinted
    routine_outline_alpha: float = 0.55
    skipped_alpha: int = 170
    skipped_pen_px: float = 1.4
    active_pen_px: float = 2.0
    blink_base: float = 0.55  # a coming area's fill alpha swings between base - swing and base + swing
    blink_swing: float = 0.45
    # the no-press zone
    no_press_pen_px: float = 2.0
    no_press_fill_alpha: int = 40
    no_press_cross: float = 0.45  # share of the radius
    no_press_cross_pen_px: float = 2.2
    no_press_font_per_unit: float = 0.032
    no_press_font_px: tuple[float, float] = (11.0, 18.0)
    no_press_label_gap: float = 0.035  # face units below the circles
    # target nodes
    target_ring: float = 1.6  # times the marker radius
    target_pulse_grow: float = 1.6  # the pulse ring grows from ring to ring + this over a stroke
    target_pen_px: float = 2.5
    target_pulse_pen_px: float = 3.0
    target_progress_ring: float = 2.4
    # arrows
    arrow_per_unit: float = 0.022
    arrow_px: tuple[float, float] = (5.0, 18.0)
    head_size: float = 2.6  # times the arrow width
    trail_segments: int = 8  # a circle's trail, in pieces that fade toward the tail
    stretch_track_alpha: float = 0.3
    min_stretch_arrow: float = 0.07
    circle_trail_deg: float = 120.0
    circle_track_alpha: float = 0.22
    static_arrow_width: float = 0.8
    # the finger pads (their sizes are the core's: core/positions.py)
    pad_reach: float = 0.008  # how much further the middle finger reaches
    pad_pen_px: float = 2.0
    pad_fill_alpha: float = 0.85
    coming_alpha: float = 0.45
    # breathing
    breath_center: tuple[float, float] = (0.5, 1.76)
    breath_radius: tuple[float, float] = (0.08, 0.1)  # empty, and how much it grows when full
    breath_pen_px: float = 2.5
    # overlays (paused, lead-in countdown)
    overlay_title: float = 0.09  # share of the shorter side
    overlay_title_big: float = 0.28
    overlay_subtitle: float = 0.045


DIAGRAM_STYLE = DiagramStyle()
