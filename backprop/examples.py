r"""The one worked example every page of the site uses, and a small regression task.

The example is data, not code: ``backprop/example.json`` holds the slides' 2-3-1 network at time $n = 0$ (the 13
weights and biases, and the two activations), the input $x(n)$, the desired output $d(n)$ and the learning rate
$\eta$, in the format of ``python -m backprop trace --weights``:

    {"w_hidden": [[w11, w12], [w21, w22], [w31, w32]], "b_hidden": [b1, b2, b3],
     "w_output": [[w41, w42, w43]], "b_output": [b4],
     "hidden": "logsig", "output": "purelin",
     "x": [x1, x2], "d": d, "eta": eta}

and, under the key ``"practice"``, a second network and sample of the same form for the exercises, so that a
student works each number out instead of finding it on a page (``PRACTICE``; when a file has no ``"practice"``
entry, the package's own practice example is used).

Edit that file (or point the environment variable ``BACKPROP_EXAMPLE`` at another file of the same form) and rebuild:
every number, sentence, exercise and default of the CLI follows. The site's pages derive the slides' network, so the
example must have 2 inputs, 3 hidden neurons and 1 linear (``purelin``) output; the hidden layer may be ``logsig``
(the slides') or ``tansig``. The pages write each given number as given, so it may have at most 6 decimals. Examples
the pages could not teach with are refused, among them: an output that equals $d$ exactly ($e = 0$, nothing to learn)
or so nearly that the cost, half the squared error, prints with fewer than three significant digits at the pages'
decimals (below `MIN_COST`, $|e|$ below about 0.0141); a saturated hidden neuron ($f'(v_i) = 0$ in floating point, so
no error reaches it, or a slope from its output that is mostly rounding); a worked example whose output weights are
all 0 (no error reaches the hidden layer); a value the pages print whose double shows a digit its value by hand has
not (terms that cancel, a field 0 by hand that is not 0 in floating point); and one iteration that gives a number of
`MAX_PRINTED` ($10^9$) or more, where the pages' decimals would be more digits than a double holds. The practice
example is held to the same rules, and must give each neuron a field $v$ that no neuron of the worked example has (at
the pages' decimals), or an exercise would ask for a number the derivation pages print. The checks, and the messages
that name the field and what to change, are `backprop._teachable`'s.

``NET``, ``X``, ``D``, ``ETA`` and ``PRACTICE`` (with ``PRACTICE_NET``, ``PRACTICE_X``, ``PRACTICE_D``,
``PRACTICE_ETA``) are read once, when one of them is first used (a bad file then raises its message).
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from . import labels
from ._checks import as_array, check_count, check_seed, describe, require_finite
from ._derivable import Problems, derivable_network
from ._json import check_keys
from ._json import read_json as read_json  # the JSON of a file, read strictly (__main__ reads answers so)
from ._teachable import MAX_PRINTED as MAX_PRINTED  # the limits an example is held to, by their public names
from ._teachable import MIN_COST as MIN_COST
from ._teachable import check_example, check_practice, check_worked
from .activations import Array
from .network import Network

# The public names, and the API reference's members (mkdocs.yml: filters: public): __getattr__, which reads the
# example in use when one of its names is first used, is the module's machinery, not a function to call.
__all__ = [
    "DEFAULT_FILE",
    "ENV",
    "ETA",
    "EXAMPLE",
    "MAX_PRINTED",
    "MIN_COST",
    "NET",
    "OPTIONAL_KEYS",
    "PRACTICE",
    "PRACTICE_D",
    "PRACTICE_ETA",
    "PRACTICE_KEY",
    "PRACTICE_NET",
    "PRACTICE_X",
    "SAMPLE_KEYS",
    "SITE_HIDDEN",
    "WEIGHT_KEYS",
    "D",
    "Example",
    "X",
    "current_file",
    "load",
    "network_from",
    "read_file",
    "regression_data",
    "site_network",
    "target_function",
]

DEFAULT_FILE = Path(__file__).with_name("example.json")
"""The example file the package ships; ``BACKPROP_EXAMPLE`` names another one."""
ENV = "BACKPROP_EXAMPLE"
WEIGHT_KEYS = labels.PARAMETERS  # the file's keys are the Network's fields
OPTIONAL_KEYS = ("hidden", "output")
SAMPLE_KEYS = ("x", "d", "eta")
PRACTICE_KEY = "practice"
"""The key of the exercises' practice example in an example file (a weights file may carry it: ``trace`` ignores it)."""
SITE_HIDDEN = ("logsig", "tansig")
"""The hidden activations the site's pages can derive (they name the formulas of each)."""


@dataclass(frozen=True)
class Example:
    """A network at time n and one training sample: what one iteration n -> n+1 needs."""

    net: Network
    x: Array  # shape (n_in,), read-only
    d: float
    eta: float
    source: str  # the file it was read from
    #: The exercises' practice example (None for a practice example itself).
    practice: Example | None = None
    #: For a practice example, the worked example it goes with, whose numbers the derivation pages print (an exercise
    #: names them when a student types them); None for a worked example.
    worked: Example | None = field(default=None, repr=False)


def read_file(path: str | os.PathLike[str], what: str = "weights file") -> dict[str, object]:
    """The JSON object of a weights or example file; errors name the file (``what`` and path) and the problem."""
    name = f"{what} {os.fspath(path)!r}"
    data = read_json(path, name)
    if not isinstance(data, dict):
        raise ValueError(f"{name} must hold a JSON object, not a {type(data).__name__}")
    check_keys(data, name, (*WEIGHT_KEYS, *OPTIONAL_KEYS, *SAMPLE_KEYS, PRACTICE_KEY), WEIGHT_KEYS)
    return data


def network_from(data: dict[str, object], path: str | os.PathLike[str], what: str = "weights file",
                 field: str = "") -> Network:
    """The ``Network`` of a file read by `read_file`; errors name the file (and ``field``, e.g. ``"practice: "``).
    Every error is a ValueError, a problem of the file's content, whichever `Network` raised: text where a weight
    goes is a TypeError there, and the site's build and the CLI report a ValueError of the example file in one line
    (a TypeError had come through them as a traceback)."""
    try:
        return Network(**{key: data[key] for key in (*WEIGHT_KEYS, *OPTIONAL_KEYS) if key in data})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} {os.fspath(path)!r}: {field}{exc}") from None


def _number(path: str | os.PathLike[str], key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"example file {os.fspath(path)!r}: {key} must be a finite number, got {value!r}")
    return float(value)


def load(path: str | os.PathLike[str]) -> Example:
    """Read and check a worked example for the site: the slides' 2-3-1 network, one sample, and the practice example.

    Without a ``"practice"`` entry the file gets the practice example of the package's ``example.json``. What the
    pages cannot derive (an activation, the sizes) is named for both entries at once, so that one round fixes a file.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be the example file's path (a str or os.PathLike), got {describe(path)}")
    data = read_file(path, "example file")
    problems: list[str] = []
    try:
        example = _example(data, path, "")
    except Problems as exc:
        problems += exc.problems
    if PRACTICE_KEY in data:
        try:
            practice = _practice(data[PRACTICE_KEY], path)
        except Problems as exc:
            problems += exc.problems
    if problems:
        raise Problems(path, problems)
    check_worked(example, path)
    if PRACTICE_KEY not in data:
        if Path(path).resolve() == DEFAULT_FILE.resolve():
            raise ValueError(f"example file {os.fspath(path)!r} is missing {PRACTICE_KEY!r}: the package's file "
                             "holds the practice example every other file falls back on")
        practice = load(DEFAULT_FILE).practice
    check_practice(example, practice, path, has_entry=PRACTICE_KEY in data, default_file=DEFAULT_FILE)
    return dataclasses.replace(example, practice=dataclasses.replace(practice, worked=example))


def _practice(data: object, path: str | os.PathLike[str]) -> Example:
    name = f"example file {os.fspath(path)!r}: {PRACTICE_KEY}"
    if not isinstance(data, dict):
        raise ValueError(f"{name} must be a JSON object like the example itself, not a {type(data).__name__}")
    check_keys(data, name, (*WEIGHT_KEYS, *OPTIONAL_KEYS, *SAMPLE_KEYS), WEIGHT_KEYS)
    return _example(data, path, f"{PRACTICE_KEY}.")


def _example(data: dict[str, object], path: str | os.PathLike[str], field: str) -> Example:
    """The network and sample of ``data``: the file's top level (``field`` ``""``) or its practice entry
    (``"practice."``); every error names the file, and the field or the entry."""
    name = f"example file {os.fspath(path)!r}" + (f": {field[:-1]}" if field else "")
    entry = f"{field[:-1]}: " if field else ""  # the practice entry's name before a sentence, "practice: "
    where = f"example file {os.fspath(path)!r}: {entry}"
    missing = [key for key in SAMPLE_KEYS if key not in data]
    if missing:
        kind = "a practice example" if field else "a worked example"
        raise ValueError(f"{name} is missing {missing}: {kind} needs x, d and eta")
    # the activations are named before the network is built (Network's "known activations are ..., 'purelin'" for a
    # hidden="relu" invited a value the next check refuses: an instructor's review), with the sizes, all at once
    net = derivable_network(data, path, entry, {"hidden": SITE_HIDDEN, "output": ("purelin",)},
                            lambda derivable: network_from(derivable, path, "example file", entry))
    x = data["x"]
    if not isinstance(x, list) or len(x) != net.n_in:
        raise ValueError(f"example file {os.fspath(path)!r}: {field}x must be a list of {net.n_in} numbers, got {x!r}")
    x_arr = np.array([_number(path, f"{field}x[{k}]", v) for k, v in enumerate(x)])
    x_arr.setflags(write=False)
    d = _number(path, f"{field}d", data["d"])
    eta = _number(path, f"{field}eta", data["eta"])
    if eta <= 0:
        raise ValueError(f"example file {os.fspath(path)!r}: {field}eta must be > 0, got {eta}")
    check_example(net, x_arr, d, eta, where)
    return Example(net, x_arr, d, eta, os.fspath(path))


def site_network() -> Network:
    """The worked example's network, or, when its file cannot be read, the package file's (the same 2-3-1 sizes), or,
    when that is the one (an instructor edited it), the slides' 2-3-1 network with weights 0: for what needs the
    site's sizes but not the file's numbers (the CLI's help, the mistakes' hints), so that it works whatever the
    example file holds, and `main` can report the file's problem."""
    try:
        return sys.modules[__name__].NET  # the module attribute, read (and kept) by __getattr__ on first use
    except ValueError:
        pass
    try:
        return load(DEFAULT_FILE).net
    except ValueError:  # the package's own file is the one that cannot be read (an instructor edits it): the sizes
        return Network(np.zeros((3, 2)), np.zeros(3), np.zeros((1, 3)), np.zeros(1))


def current_file() -> Path:
    """The example file in use: ``$BACKPROP_EXAMPLE`` if set, else the package's ``example.json``."""
    return Path(os.environ.get(ENV) or DEFAULT_FILE)


EXAMPLE: Example
"""The example in use: `load` of `current_file`."""
NET: Network
"""The worked example's 2-3-1 network, the weights and biases the iteration starts from."""
X: Array
r"""The worked example's input $x(n)$, read-only."""
D: float
r"""The worked example's desired output $d(n)$."""
ETA: float
r"""The worked example's learning rate $\eta$."""
PRACTICE: Example
"""The exercises' practice example: a network and sample of their own, so that their answers are on no page."""
PRACTICE_NET: Network
"""The practice example's network."""
PRACTICE_X: Array
r"""The practice example's input $x(n)$, read-only."""
PRACTICE_D: float
r"""The practice example's desired output $d(n)$."""
PRACTICE_ETA: float
r"""The practice example's learning rate $\eta$."""
_IN_USE = ("EXAMPLE", "NET", "X", "D", "ETA", "PRACTICE", "PRACTICE_NET", "PRACTICE_X", "PRACTICE_D", "PRACTICE_ETA")


def __getattr__(name: str) -> object:
    """The names of the example in use, read from its file when one of them is first used (PEP 562), not when the
    package is imported: ``import backprop`` and ``trace --weights`` work whatever the file holds, and the first use
    of a bad file raises `load`'s message."""
    if name not in _IN_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    named = os.environ.get(ENV)
    if named and not current_file().is_file():  # an instructor's typo: "cannot read ..." would not name the variable
        where = "" if Path(named).is_absolute() else f" (a relative path is read from {os.getcwd()})"
        raise ValueError(f"{ENV} names {named!r}, which is no file{where}: correct the variable, or unset it to use "
                         f"the package's {DEFAULT_FILE.name}")
    example = load(current_file())
    practice = example.practice
    globals().update(EXAMPLE=example, NET=example.net, X=example.x, D=example.d, ETA=example.eta, PRACTICE=practice,
                     PRACTICE_NET=practice.net, PRACTICE_X=practice.x, PRACTICE_D=practice.d,
                     PRACTICE_ETA=practice.eta)
    return globals()[name]


def target_function(X: ArrayLike) -> Array:
    r"""The regression task's target $d = \tfrac12 \sin(\pi x_1) + \tfrac14 x_2$, shape (n,).

    ``X`` is array_like of shape (n, 2), one row $(x_1, x_2)$ per sample, of finite numbers; anything else raises
    TypeError or ValueError naming ``X`` (a third column is refused, not ignored), and an $x_1$ so large that
    $\pi x_1$ passes a double's range FloatingPointError. ``X`` is not modified.
    """
    X = as_array("X", X, 2, (None, 2), because="the target is a function of x_1 and x_2",
                 accepted="2-D, one row (x_1, x_2) per sample")
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is named below, not warned about
        d = 0.5 * np.sin(np.pi * X[:, 0]) + 0.25 * X[:, 1]
    require_finite("the target", [("d", d)], f"|x_1| must stay below {np.finfo(float).max / np.pi:.1e}, where "
                   "pi x_1 passes it", whose="the target's")
    return d


def regression_data(n_samples: int = 200, seed: int | None = 0) -> tuple[Array, Array]:
    """Inputs drawn uniformly from [-1, 1]^2 and their targets: ``X`` (n, 2), ``D`` (n,).

    ``n_samples`` is an int >= 1; ``seed`` an int >= 0, or None for a different draw each time. Anything else raises
    TypeError or ValueError naming the argument, as `backprop.network.Network.random` and `backprop.train.train` do.
    """
    n_samples = check_count("n_samples", n_samples)
    rng = np.random.default_rng(check_seed(seed))
    X = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    return X, target_function(X)
