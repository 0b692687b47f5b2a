"""Input checks shared by the public functions: clear messages that name the argument."""
# Over 300 lines because every public entry's input is checked here, once, and its messages name the argument, the
# entry's index and value (nested lists walked for them) where numpy would raise from deep inside or make inf.

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: A float array (`backprop.activations` re-exports it).
Array = NDArray[np.float64]

#: A double's range, as the messages about an overflow write it: about ±1.8e+308 (``sys.float_info.max``).
DOUBLE_RANGE = f"about ±{sys.float_info.max:.1e}"


def as_array(name: str, value: object, ndim: int, shape: tuple[int | None, ...] | None = None,
             because: str = "", accepted: str = "") -> Array:
    """Return ``value`` as a new read-only float array, or raise a message naming ``name``.

    ``shape`` may hold ``None`` for a free dimension; ``because`` says where the expected shape comes from (another
    argument's, which may be the wrong one), in the message of a wrong shape; ``accepted`` says what the caller
    accepts when that is more than ``ndim`` dimensions (``"1-D or 2-D"``), in the message of a wrong one. The caller's
    object is never modified and never shared: the result is always a copy. An entry that is not a number (text, a
    boolean, None, a dict, ...) is refused with its value and index, as a scalar argument's would be: ``True`` is not
    1; so is one beyond a double's range (an integer of 400 digits), and inf and nan.
    """
    arr = _numeric(name, value)
    if arr.ndim != ndim:
        raise ValueError(f"{name} must be {accepted or f'{ndim}-D'}, got shape {arr.shape}")
    if shape is not None:
        for axis, (got, want) in enumerate(zip(arr.shape, shape, strict=True)):
            if want is not None and got != want:
                expected = ", ".join("?" if s is None else str(s) for s in shape) + ("," if len(shape) == 1 else "")
                why = f": {because}" if because else ""
                raise ValueError(f"{name} has shape {arr.shape}, expected ({expected}) (axis {axis} should be "
                                 f"{want}{why})")
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape})")
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = f" at index {tuple(int(i) for i in bad)}" if arr.ndim else ""
        raise ValueError(f"{name} must be finite, found {arr[tuple(bad)]}{where}")
    arr.setflags(write=False)
    return arr


def as_numbers(name: str, value: object, finite: bool = True) -> Array:
    """``value``, a number or an array of any shape, as a new float array, or a message naming ``name``: an entry that
    is not a number (as `as_array` refuses it), nan, and with ``finite`` an infinity, are refused."""
    arr = _numeric(name, value)
    bad = ~np.isfinite(arr) if finite else np.isnan(arr)
    if np.any(bad):
        at = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f" at index {at}" if arr.ndim else ""
        raise ValueError(f"{name} must be {'finite' if finite else 'a number'}, found {arr[at]}{where}")
    return arr


def _numeric(name: str, value: object) -> Array:
    """``value`` as a new float array of its shape; what is not a number, named with its index, raises TypeError, a
    number no double holds ValueError."""
    if isinstance(value, np.ma.MaskedArray) and np.ma.is_masked(value):  # np.array would use the hidden data
        raise ValueError(f"{name} has masked entries, which a network cannot leave out: give every number")
    found = _not_a_number(value)
    if found is not None:
        index, entry = found
        where = f" at index {index}" if index else ""
        raise TypeError(f"{name} must be numeric, {'found' if index else 'got'} {describe(entry, where)}")
    try:
        return _doubles(value)
    except (TypeError, ValueError) as exc:  # every entry a number: rows of different lengths
        if isinstance(value, list | tuple):  # nested lists that are no array: say where, or that they are not
            ragged = _ragged(value) or "its nested lists differ in length at some depth"
            raise ValueError(f"{name} is ragged, not an array: {ragged}") from None
        raise TypeError(f"{name} must be numeric, got {type(value).__name__}: {exc}") from None
    except OverflowError:  # a number no double holds (an integer, a fraction, a long double): numpy names neither
        index, entry = _first(value, _beyond_double) or ((), value)
        where = f" at index {index}" if index else ""
        raise ValueError(f"{name} must be finite, {'found' if index else 'got'} {too_large(entry)}{where}, beyond a "
                         f"double's range ({DOUBLE_RANGE})") from None


def _doubles(value: object) -> Array:
    """``np.array(value, dtype=float)``, where a number no double holds raises OverflowError: numpy does for an integer
    of 400 digits, and makes inf of an ``np.longdouble`` of 1e400 (with a RuntimeWarning) unless told to raise."""
    with np.errstate(over="raise"):
        try:
            return np.array(value, dtype=float)
        except FloatingPointError as exc:
            raise OverflowError(str(exc)) from None


def _ragged(value: object, index: tuple[int, ...] = ()) -> str | None:
    """Where nested lists or tuples of numbers stop being an array, for a message: ``the entry at index (0,) has 2
    entries, the one at index (1,) has 1``; None when they are one."""
    if not isinstance(value, list | tuple):
        return None

    def size(entry: object) -> str:
        if isinstance(entry, list | tuple | np.ndarray):
            return f"has {len(entry)} entr{'y' if len(entry) == 1 else 'ies'}"
        return "is a number"
    sizes = [size(entry) for entry in value]
    for k, entry_size in enumerate(sizes[1:], start=1):
        if entry_size != sizes[0]:
            return f"the entry at index {(*index, 0)} {sizes[0]}, the one at index {(*index, k)} {entry_size}"
    for k, entry in enumerate(value):
        found = _ragged(list(entry) if isinstance(entry, np.ndarray) else entry, (*index, k))
        if found is not None:
            return found
    return None


def _is_number(value: object) -> bool:
    """A real number a float can be made of (a Decimal too); not a boolean, a complex number, text or None."""
    if isinstance(value, bool | np.bool_):
        return False
    return isinstance(value, numbers.Real) or (isinstance(value, numbers.Number)
                                               and not isinstance(value, numbers.Complex))


def _not_a_number(value: object) -> tuple[tuple[int, ...], object] | None:
    """The index and value of the first entry of ``value`` (a number, nested lists or tuples, or an array) that is
    not a number (`_is_number`); None when every entry is one. A numeric array is not walked."""
    return _first(value, lambda entry: not _is_number(entry))


def _beyond_double(value: object) -> bool:
    """Whether ``value`` is a number no double holds: an integer, a fraction or an ``np.longdouble`` beyond ±1.8e308
    (a float that large is already inf, and a Decimal becomes one)."""
    if isinstance(value, np.floating):  # a long double: float() makes inf of one beyond the range
        return bool(np.isfinite(value) and abs(value) > sys.float_info.max)
    try:
        float(value)  # type: ignore[arg-type]
    except OverflowError:
        return True
    except (TypeError, ValueError):
        return False
    return False


def _first(value: object, bad: Callable[[object], bool],
           index: tuple[int, ...] = ()) -> tuple[tuple[int, ...], object] | None:
    """The index and value of the first entry of ``value`` (a number, nested lists or tuples, or an array) for which
    ``bad`` holds; None when it holds for none. An array of integers or doubles is not walked (``bad`` holds for no
    entry of one); one of long doubles is, for the entry beyond a double's range."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iu" or (value.dtype.kind == "f" and value.dtype.itemsize <= 8):
            return None
        for at, entry in np.ndenumerate(value):
            if bad(entry.item() if isinstance(entry, np.generic) else entry):
                return (*index, *at), entry
        return None
    if isinstance(value, list | tuple):
        for k, entry in enumerate(value):
            found = _first(entry, bad, (*index, k))
            if found is not None:
                return found
        return None
    return (index, value) if bad(value) else None


def too_large(value: object) -> str:
    """A number beyond a double's range, as a message writes it: an integer by its number of digits (``an integer
    of 401 digits``: its 401 digits would fill the message), another number by its ``repr``."""
    if isinstance(value, numbers.Integral):
        try:
            return f"an integer of {len(str(abs(int(value))))} digits"
        except ValueError:  # more digits than Python writes out (sys.get_int_max_str_digits): count them from its bits
            return f"an integer of about {math.floor(abs(int(value)).bit_length() * math.log10(2)) + 1} digits"
    return repr(value)


def describe(value: object, where: str = "") -> str:
    """What a value that is not a number is, for a message, with ``where`` it is (`` at index (0,)``) before any
    advice: ``the boolean True``, ``text '0.5' (write the number without quotes)``, ``None``, ``dict {'a': 1}``."""
    if isinstance(value, bool | np.bool_):
        return f"the boolean {bool(value)}{where}"
    if isinstance(value, str):
        return f"text {str(value)!r}{where} (write the number without quotes)"
    if value is None:
        return f"None{where}"
    if isinstance(value, complex | np.complexfloating):  # a number, not a real one
        return f"the complex number {complex(value)}{where}"
    text = " ".join(repr(value).split())  # one line: a ForwardPass's repr spans many, with its arrays
    return f"{type(value).__name__} {text if len(text) <= 80 else text[:77] + '...'}{where}"


def check_numeric_scalar(name: str, value: object) -> float:
    """Reject non-numbers (TypeError) and bools, naming the value given; return a float."""
    numeric_array = isinstance(value, np.ndarray) and value.dtype.kind in "iuf"  # its shape is checked below
    if not (_is_number(value) or numeric_array):
        raise TypeError(f"{name} must be a real number, got {describe(value)}")
    if isinstance(value, Decimal):  # one no double holds is named, not read as inf or 0 (a code review)
        value = Decimal("NaN") if value.is_snan() else value  # a signaling NaN: nan, not Python's bare error
        if value.is_finite() and math.isinf(float(value)):
            raise ValueError(f"{name} must be finite, got {value}, beyond a double's range ({DOUBLE_RANGE})")
        if value.is_finite() and value != 0 and float(value) == 0:
            raise ValueError(f"{name} is {value}, closer to 0 than a double holds (it would be read as 0)")
    try:
        arr = _doubles(value)
    except OverflowError:  # an integer or a long double no double holds
        raise ValueError(f"{name} must be finite, got {too_large(value)}, beyond a double's range "
                         f"({DOUBLE_RANGE})") from None
    if arr.shape != ():
        raise ValueError(f"{name} must be a scalar, got shape {arr.shape}")
    return float(arr)


def check_finite_scalar(name: str, value: object) -> float:
    """`check_numeric_scalar`, and finite: nan and ±inf are refused (ValueError), naming ``name``."""
    number = check_numeric_scalar(name, value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {number}")
    return number


def check_positive(name: str, value: object) -> float:
    """`check_numeric_scalar`, finite and > 0 (a step size: the learning rate, a finite difference's h), naming
    ``name``."""
    number = check_numeric_scalar(name, value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {number}")
    return number


def check_eta(eta: object) -> float:
    """The learning rate must be a finite number > 0."""
    return check_positive("eta", eta)


def network_has(n: int, what: str) -> str:
    """Where an expected size comes from: ``the network has 2 inputs, the columns of its w_hidden``."""
    array, part = {"input": ("w_hidden", "column"), "output": ("w_output", "row")}[what]  # not the x or d in question
    return f"the network has {n} {what}{'s' * (n != 1)}, the {part}{'s' * (n != 1)} of its {array}"


def ndim_of(name: str, value: object) -> int:
    """The number of dimensions of ``value`` (`as_array` checks its shape next); a value that is no array of numbers
    is refused as `as_array` refuses it (numpy's own ``np.ndim`` raises its text for ragged rows)."""
    return _numeric(name, value).ndim


def as_input(x: object, n_in: int, name: str = "x") -> Array:
    """One input: a vector of length ``n_in``; a wrong shape's message says the network's number of inputs."""
    return as_array(name, x, 1, (n_in,), because=network_has(n_in, "input"),
                    accepted=f"1-D, one number per input ({network_has(n_in, 'input')})")


def as_target(d: object, n_out: int, name: str = "d") -> Array:
    """The desired output: a scalar when ``n_out == 1``, else a vector of ``n_out`` (a wrong shape says why)."""
    if n_out == 1 and ndim_of(name, d) == 0:  # checked as the scalar given (its message has no index), then a vector
        return as_array(name, d, 0).reshape(1)
    return as_array(name, d, 1, (n_out,), because=network_has(n_out, "output"),
                    accepted=f"1-D, one number per output ({network_has(n_out, 'output')})")


def as_gradients(name: str, grads: object, like: dict[str, Array] | None = None) -> dict[str, Array]:
    """``grads``, a dict of arrays such as `backprop.gradcheck.analytic_gradient` returns, checked (each entry a finite
    array named ``name[key]``, and with ``like`` the same keys and shapes), as new float arrays."""
    if not isinstance(grads, Mapping):
        raise TypeError(f"{name} must be a dict of arrays, as analytic_gradient returns, got {type(grads).__name__}")
    if not grads:
        raise ValueError(f"{name} is empty: a dict of arrays, as analytic_gradient returns, has one per parameter")
    checked = {key: as_numbers(f"{name}[{key!r}]", value) for key, value in grads.items()}
    if like is not None:
        if set(checked) != set(like):
            raise ValueError(f"{name} must have the keys of analytic, {sorted(like)}; got {sorted(checked)}")
        for key, value in checked.items():
            if value.shape != like[key].shape:
                raise ValueError(f"{name}[{key!r}] has shape {value.shape}, analytic[{key!r}] {like[key].shape}")
    return checked


def check_count(name: str, value: object, least: int = 1) -> int:
    """A count, an int >= ``least`` (a layer's size, ``epochs``, ``n_samples``; decimals from 0), else TypeError or
    ValueError naming it and what it got (2.0 is a float, True a switch)."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an int >= {least}, got {describe(value)}")
    if value < least:
        raise ValueError(f"{name} must be an int >= {least}, got {value}")
    return int(value)


def check_seed(seed: object, name: str = "seed") -> int | None:
    """A seed of numpy's random generator: None (a different draw each time) or an int >= 0, named in the message
    (numpy's own names neither the argument nor, for a negative one, the value)."""
    if seed is None:
        return None
    if isinstance(seed, bool | np.bool_) or not isinstance(seed, int | np.integer):
        raise TypeError(f"{name} must be an int >= 0 or None, got {describe(seed)}")
    if seed < 0:
        raise ValueError(f"{name} must be an int >= 0 or None, got {seed}")
    return int(seed)


def check_bool(name: str, value: object) -> bool:
    """A switch must be True or False: text such as ``"no"`` is truthy, and would switch it on."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}")
    return bool(value)


def overflow_is_an_error() -> bool:
    """Whether a public function raises `require_finite`'s error where its finite inputs overflow: yes, unless its
    caller runs it under ``np.errstate(over="ignore")`` and so asks numpy for the infinities themselves (the homework
    check and the gradient check do, to name the step that overflows in their own words)."""
    return np.geterr()["over"] != "ignore"


def require_finite(what: str, values: Iterable[tuple[str, ArrayLike]], advice: str | Callable[[], str],
                   whose: str = "its") -> None:
    """Raise FloatingPointError at the first of ``values`` (name, value) with an entry that is not finite: ``what``
    (``"this step"``) overflows, though every input is finite; the message names the value, the entry and its index,
    and ends with ``advice`` (or what ``advice()`` returns, worked out only then). Run the arithmetic under
    ``np.errstate(over="ignore", invalid="ignore")`` and call this on its results: one clear error instead of numpy's
    RuntimeWarnings and a silent inf or nan."""
    for name, value in values:
        arr = np.asarray(value, dtype=float)
        if not np.all(np.isfinite(arr)):
            index = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
            at = f" at index {index}" if arr.ndim else ""
            raise FloatingPointError(
                f"{what} overflows: {name} is {arr[index]}{at}, though every input is finite: {whose} arithmetic "
                f"passes a double's range ({DOUBLE_RANGE}); {advice() if callable(advice) else advice}")


def check_step_kept(h: float, default: float, parameters: dict[str, Array]) -> None:
    r"""Refuse a step ``h`` for which $\theta \pm h$ is $\theta$ itself for a parameter, naming the first, unless the
    ``default`` step is lost too; `gradient_check` judges an ``h`` that leaves $E$'s change within its rounding."""
    for name, theta in parameters.items():
        plus, minus = theta + h == theta, theta - h == theta
        lost = (plus | minus) & (theta + default != theta) & (theta - default != theta)
        if lost.any():
            at = tuple(int(i) for i in np.argwhere(lost)[0])
            sign = "+ h and theta - h are" if plus[at] and minus[at] else f"{'+' if plus[at] else '-'} h is"
            raise ValueError(f"h = {h:g} is lost in the rounding of {name}[{', '.join(map(str, at))}] = "
                             f"{float(theta[at])!r}: theta {sign} theta itself as a double, so its central difference "
                             f"would be wrong whatever the gradient; use an h near the default {default:g}")


def require_normal(steps: Mapping[str, float], where: str = "", printer: str = "the pages print") -> None:
    """Refuse an iteration whose ``steps`` (`trace`'s) hold a number that is not 0 but below the smallest normal
    double, where a double keeps fewer digits than ``printer`` prints, as the live page refuses one
    (``BackpropEngine.subnormal``); ``where`` begins the message (the file's name)."""
    tiny = [(name, value) for name, value in steps.items() if 0 < abs(value) < sys.float_info.min]
    if tiny:
        name, value = tiny[0]
        # the double's value (a reviewer: the live page gives y_h1 = 2.8e-324 by hand, this 4.9e-324)
        raise ValueError(f"{where}one iteration gives {name} = {value:.2g} in floating point, below the smallest "
                         f"normal double ({sys.float_info.min:.2g}), where a double keeps fewer digits than {printer}; "
                         f"choose other weights, inputs or learning rate")
