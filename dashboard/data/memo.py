"""Answers kept on the dataset they were computed from.

A dataset never changes, so a function of it alone (and of a few plain arguments) can keep its
answer on the dataset (``Dataset.memo``): no module-level cache, nothing shared between
datasets, gone with the dataset, and the same in every worker. Callers must not modify what a
remembered function returns.
"""

from __future__ import annotations

from functools import wraps


def per_dataset(function):
    """Remember ``function(ds, *args)`` on ``ds``."""
    @wraps(function)
    def remembered(ds, *args):
        key = (function.__module__, function.__qualname__, args)
        if key not in ds.memo:
            ds.memo[key] = function(ds, *args)  # two threads may both compute it: same answer
        return ds.memo[key]
    return remembered
