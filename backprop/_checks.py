"""Input checks shared by the public functions: clear messages that name the argument."""

from __future__ import annotations

import numbers
import sys

import numpy as np

from .activations import Array

#: A double's range, as the messages about an overflow write it: about ±1.8e+308 (``sys.float_info.max``).
DOUBLE_RANGE = f"about ±{sys.float_info.max:.1e}"


def as_array(name: str, value: object, ndim: int, shape: tuple[int | None, ...] | None = None) -> Array:
    """Return ``value`` as a new read-only float array, or raise a message naming ``name``.

    ``shape`` may hold ``None`` for a free dimension. The caller's object is never modified
    and never shared: the result is always a copy.
    """
    try:
        raw = np.asarray(value)
        if raw.dtype.kind in "USV":  # "1.5" would convert silently: text is not a number
            raise TypeError("text is not a number")
        if raw.dtype.kind == "O" and not all(isinstance(v, numbers.Number) for v in raw.flat):
            raise TypeError("found a value that is not a number")  # None would silently become nan
        arr = np.array(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be numeric, got {type(value).__name__}: {exc}") from None
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-D, got shape {arr.shape}")
    if shape is not None:
        for axis, (got, want) in enumerate(zip(arr.shape, shape, strict=True)):
            if want is not None and got != want:
                expected = ", ".join("?" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "")
                raise ValueError(f"{name} has shape {arr.shape}, expected ({expected}) (axis {axis} should be {want})")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape})")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = f" at index {tuple(int(i) for i in bad)}" if arr.ndim else ""
        raise ValueError(f"{name} must be finite, found {arr[tuple(bad)]}{where}")
    arr.setflags(write=False)
    return arr


def check_numeric_scalar(name: str, value: object) -> float:
    """Reject non-numbers (TypeError) and bools; return a float."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real | np.ndarray):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    arr = np.asarray(value, dtype=float)
    if arr.shape != ():
        raise ValueError(f"{name} must be a scalar, got shape {arr.shape}")
    return float(arr)


def check_eta(eta: object) -> float:
    """The learning rate must be a finite number > 0."""
    value = check_numeric_scalar("eta", eta)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"eta must be a finite number > 0, got {value}")
    return value


def as_target(d: object, n_out: int, name: str = "d") -> Array:
    """The desired output: a scalar when ``n_out == 1``, else a vector of length ``n_out``."""
    if n_out == 1 and np.ndim(d) == 0:
        return as_array(name, [d], 1, (1,))
    return as_array(name, d, 1, (n_out,))
