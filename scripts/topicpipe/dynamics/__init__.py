"""Topic dynamics: how topics and their words change across periods.

- ``periods``: which periods the dated documents fall in, and which are modelled;
- ``fit``: the dynamic topic model (topic-word distributions per period);
- ``linking``: dynamic topics matched to the static model's topics;
- ``tables``: terms per topic and period, prevalence per period;
- ``rise_fall``: the largest changes in prevalence, with bootstrap intervals;
- ``term_changes``: the terms each topic gained or lost between two periods;
- ``summary``: the readable page of the rise and fall;
- ``settings``: which settings each rule of the stage depends on;
- ``stage``: what the rules ``dynamics_fit`` and ``dynamics_tables`` compute.
"""


class DynamicsError(ValueError):
    """The dynamic model cannot be fitted or compared with these settings (the message
    names the key and what to change)."""
