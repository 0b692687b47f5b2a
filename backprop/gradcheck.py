r"""Gradient check: the rules against central finite differences of $E$.

Each rule returns $\Delta\theta = -\eta\,\partial E/\partial\theta$, so the analytic gradient is
$-\Delta\theta/\eta$. The numerical one is
$\dfrac{E(\theta + h) - E(\theta - h)}{2h}$, one parameter at a time.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from . import activations
from ._checks import DOUBLE_RANGE, as_gradients, as_input, as_numbers, as_target, check_positive, check_step_kept
from .activations import Array
from .labels import PARAMETERS as PARAMETERS  # the four parameter arrays, in the order of a Network's fields
from .network import ForwardPass, Network, _forward, _unchecked, checked_network
from .rules import _cost, _error, delta_b_hidden, delta_b_output, delta_w_hidden, delta_w_output

# Over 300 lines because the check says when it can judge and when it cannot (the rounding and truncation bounds, the
# refusals), in docstrings and messages the verification page reads and a student's check meets.

H = 1e-5
r"""The default step of the central differences, $10^{-5}$, near $\varepsilon^{1/3}$ (about $6 \times 10^{-6}$): it
balances truncation error ($O(h^2)$) against rounding error ($O(\varepsilon/h)$) for a cost and a third derivative
of about 1 (the verification page shows how both move the best step)."""


def analytic_gradient(net: Network, x: ArrayLike, d: ArrayLike) -> dict[str, Array]:
    r"""$\partial E/\partial\theta$ for each parameter array, from the four rules (with $\eta = 1$).

    Raises ``FloatingPointError`` where the arithmetic overflows, naming the entries."""
    net, x, d, _ = _checked(net, x, d)
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is found and named below, not warned about
        return _require_finite("the rules' gradient", _analytic(_forward(net, x), d),
                               f"its arithmetic passes a double's range ({DOUBLE_RANGE})")


def numerical_gradient(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> dict[str, Array]:
    r"""Central differences $(E(\theta_p + h) - E(\theta_p - h)) / 2h$ for every parameter $p$.

    The default $h = 10^{-5} \approx \varepsilon^{1/3}$ balances truncation error ($O(h^2)$)
    against rounding error ($O(\varepsilon/h)$). Raises ``FloatingPointError`` where the cost overflows (at the
    weights, or at $\theta \pm h$), naming the entries, and ``ValueError`` for an ``h`` lost in a parameter's
    rounding ($\theta + h$ or $\theta - h$ is $\theta$ itself: its difference would be wrong), naming it.
    """
    net, x, d, h = _checked(net, x, d, h)
    with np.errstate(over="ignore", invalid="ignore"):
        return _require_finite(f"the central difference at h = {h:g}", _numerical(net, x, d, h))


def gradient_check(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> float:
    r"""The largest relative error between analytic and numerical gradients over all parameters.

    Parameters
    ----------
    net : Network
        The weights and biases to check the rules at.
    x : array_like, shape (n_in,)
        The input.
    d : float or array_like, shape (n_out,)
        The desired output; a number when the network has one output.
    h : float
        The central differences' step; the thresholds below are for an ``h`` near the default `H`.

    Returns
    -------
    float
        The largest relative error $|a - c| / \max(|a| + |c|, 10^{-8})$: below `RIGHT` ($10^{-7}$) means the rules
        give the slopes of $E$ at the point checked (right rules usually read about $10^{-8}$ or less), anything above
        $10^{-4}$ means a bug.

    Raises
    ------
    FloatingPointError
        Where the cost overflows (at the weights, or at $\theta \pm h$).
    ValueError
        Where the check cannot fail: where every gradient is within what its central difference can be off by (an
        ``h`` far below the default, where every difference of $E$ is rounding, or a network whose gradients are all
        of rounding-noise size, as a saturated output neuron's are), where every gradient is exactly 0 (``d = y``:
        every rule that scales with $e$ gives 0), or where what its central difference can be off by covers `BUG` of
        a gradient that the default ``h`` judges more finely: an ``h`` so small that its rounding error does, where a
        rule a few percent off would pass, or so large that its truncation error does, as ``h = 0.1`` can.

    Notes
    -----
    A gradient too small to be judged relatively is judged absolutely, as ``numpy.isclose`` does with ``atol``: where
    the plain relative error is at least `RIGHT` but the gap $|a - c|$ is within what the central difference itself
    can be off by, its `rounding_noise` plus its `truncation_error` (entry by entry, `tolerance`), the entry counts 0
    (see `relative_error`); an entry whose plain relative error is below `RIGHT` keeps it. So a network whose
    saturated neurons have gradients of rounding-noise size passes, and so does one whose error $e$ is so small that
    its gradients, which shrink with $e$, come near the truncation error, which does not. Above the default ``h``
    right rules read larger, as the central differences' truncation error grows with $h^2$ (at ``h = 0.01`` they can
    read between the two thresholds), and far above it (``h = 0.1``) the check refuses to judge (the ``ValueError``
    above) wherever that error covers `BUG` of a gradient the default ``h`` judges more finely.

    Examples
    --------
    >>> from backprop import Network, gradient_check
    >>> from backprop.gradcheck import RIGHT
    >>> net = Network(w_hidden=[[0.2, -0.4], [0.6, 0.1], [-0.3, 0.5]], b_hidden=[0.1, -0.2, 0.05],
    ...               w_output=[[0.5, -0.6, 0.3]], b_output=[0.1])
    >>> gradient_check(net, [0.8, -0.6], 1.5) < RIGHT  # the four rules agree with central differences here
    True
    """
    net, x, d, h = _checked(net, x, d, h)
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is found and named below, not warned about
        analytic = _analytic(_forward(net, x), d)
        numerical = _numerical(net, x, d, h)
        atol = _tolerance(net, x, d, h, numerical)
        at_default = None if h == H else _tolerance(net, x, d, H, _numerical(net, x, d, H))
    _require_a_verdict(h, analytic, numerical, atol, at_default)
    return max(float(relative_error(analytic[name], numerical[name], atol[name]).max()) for name in PARAMETERS)


def _require_a_verdict(h: float, analytic: dict[str, Array], numerical: dict[str, Array],
                       atol: dict[str, Array], at_default: dict[str, Array] | None = None) -> None:
    r"""Refuse a verdict the check could not have reached otherwise: where a gradient or a central difference is not
    finite (the cost overflows at these weights, or at $\theta \pm h$ for a huge ``h``), where no gradient exceeds
    what its central difference can be off by (``h`` far below the default: at $h = 10^{-14}$ every difference of $E$
    is rounding, and the allowance would pass any rule, a wrong one too; or every gradient of rounding-noise size), or
    where one does at the default ``h`` (``at_default``, its allowance) but not at ``h``."""
    _require_finite(f"the central difference at h = {h:g}", numerical)  # the cost first: the rules overflow with it
    _require_finite("the rules' gradient", analytic, f"its arithmetic passes a double's range ({DOUBLE_RANGE})")
    largest = max(float(np.abs(analytic[p]).max()) for p in PARAMETERS)
    if largest == 0:  # d = y exactly: every rule that scales with the error e gives 0 too, a wrong one among them
        raise ValueError("the check cannot fail at this network and sample: every gradient of the rules is exactly 0 "
                         "(the error e = d - y is 0, or the output's slope f'(v) is), and so is that of any rule that "
                         "scales with e, a wrong one too; choose a d that differs from y")
    if not any((np.abs(analytic[p]) > atol[p]).any() for p in PARAMETERS):
        least = min(float(np.min(atol[p])) for p in PARAMETERS)
        beyond = (f"no gradient (the largest is {largest:.3g}) is larger than what its central difference can be off "
                  f"by (at least {least:.3g} at h = {h:g}), so a wrong rule would pass too")
        if at_default is None or not any((np.abs(analytic[p]) > at_default[p]).any() for p in PARAMETERS):
            also = "" if h == H else f", and at the default h = {H:g}"
            raise ValueError(f"the check cannot fail at this network and sample: {beyond}{also}; every gradient is "
                             f"within the rounding of its central difference (a saturated output neuron makes the "
                             f"gradients that small, a large cost E the rounding that large), and central differences "
                             f"cannot check the rules here")
        raise ValueError(f"h = {h:g} gives a check that cannot fail: {beyond}; use an h near the default {H:g}")
    if at_default is not None:
        # the share of each gradient its allowance covers: a rule off there by less passes. Refuse an h that leaves
        # a bug's share (BUG) covered where the default h does not: at h = 1e-12 a rule 5 % off passed with 0.0.
        lost = next(((p, i) for p in PARAMETERS for i in np.ndindex(analytic[p].shape)
                     if at_default[p][i] < BUG * abs(analytic[p][i]) <= atol[p][i]), None)
        if lost is not None:
            p, i = lost
            g, off, default_off = float(analytic[p][i]), float(atol[p][i]), float(at_default[p][i])
            judges = "cannot judge" if off >= abs(g) else "judges only roughly"
            raise ValueError(f"h = {h:g} {judges} the gradient of {p}[{', '.join(map(str, i))}], {g:.3g}: its central "
                             f"difference can be off by {off:.3g} at this h ({off / abs(g):.2g} of the gradient), so "
                             f"a rule off by less there would pass, "
                             f"where at the default h = {H:g} it can be off by {default_off:.2g} "
                             f"({default_off / abs(g):.2g} of the gradient); use an h near the default")


def _require_finite(what: str, found: dict[str, Array], why: str = "the cost E overflows") -> dict[str, Array]:
    """``found`` (arrays by parameter), or FloatingPointError naming ``what``, its first entries that are not finite
    and ``why`` (by default: the cost overflows, at the weights or at a moved one)."""
    bad = [f"{p}[{', '.join(map(str, i))}]" for p in PARAMETERS for i in np.ndindex(found[p].shape)
           if not np.isfinite(found[p][i])]
    if bad:
        raise FloatingPointError(f"{what} is not a finite number at {', '.join(bad[:3])}"
                                 f"{' ...' if len(bad) > 3 else ''}: {why}")
    return found


def truncation_error(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> dict[str, Array]:
    r"""Richardson's estimate of each central difference's truncation error, entry by entry: $|c(2h) - c(h)| / 3$.

    The central difference $c(h)$ is $\partial E/\partial\theta + C h^2 + O(h^4)$, with
    $C = \tfrac16\,\partial^3 E/\partial\theta^3$, so $c(2h) - c(h) = 3 C h^2 + O(h^4)$ and a third of it is the
    error $C h^2$ of $c(h)$, read from the differences themselves. With one output it does not shrink with the error
    $e$: $\partial^3 E/\partial\theta^3$ holds the term $3\,\partial y/\partial\theta\,\partial^2 y/\partial\theta^2$,
    without $e$, while the gradient $-e\,\partial y/\partial\theta$ shrinks with it.
    """
    net, x, d, h = _checked(net, x, d, h)
    with np.errstate(over="ignore", invalid="ignore"):
        numerical = _require_finite(f"the central difference at h = {h:g}", _numerical(net, x, d, h))
        return _require_finite(f"the central difference at 2h = {2 * h:g}", _truncation(net, x, d, h, numerical))


def tolerance(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> dict[str, Array]:
    """What each central difference alone can be off by, entry by entry: its `rounding_noise` plus its
    `truncation_error`. `gradient_check` passes it to `relative_error` as ``atol``: a gap within it is agreement on a
    gradient too small to be judged relatively."""
    net, x, d, h = _checked(net, x, d, h)
    with np.errstate(over="ignore", invalid="ignore"):
        numerical = _require_finite(f"the central difference at h = {h:g}", _numerical(net, x, d, h))
        return _require_finite("the tolerance", _tolerance(net, x, d, h, numerical))


RIGHT = 1e-7
"""A largest relative error below this reads as right at the point checked (the pages' and the check's tolerance): the
rules give the slopes of $E$ there."""

BUG = 1e-4
"""A largest relative error above this means a bug (the pages' and the check's threshold); an h whose allowance covers
this share of a gradient that the default h judges more finely is refused."""

FLOOR = 1e-8
"""The floor of the relative error's denominator: it keeps 0/0 away (two gradients both 0 read 0)."""


def relative_error(analytic: ArrayLike, numerical: ArrayLike, atol: float = 0.0) -> Array:
    r"""Entry by entry the relative error $|a - c| / \max(|a| + |c|, 10^{-8})$ of an analytic gradient $a$ and its
    central difference $c$, except where the gradient is too small to be judged relatively: an entry whose plain
    relative error is at least `RIGHT` (it would read as a bug) but whose gap $|a - c|$ is at most ``atol`` (what the
    central difference alone can be off by) counts 0. An entry whose plain relative error is below `RIGHT` keeps it,
    however small its gradient, and so does one whose gap exceeds ``atol``; an entry that counts 0 has $|a| + |c|$ at
    most ``atol / RIGHT``. So every entry is below `RIGHT` exactly when each is below it plainly or has its gap within
    ``atol``. With ``atol = 0`` it is the plain relative error. ``atol`` is one number for every entry, or one per
    entry (an array of their shape, as `tolerance` gives).
    """
    a, c = as_numbers("analytic", analytic), as_numbers("numerical", numerical)
    if a.shape != c.shape:
        raise ValueError(f"analytic has shape {a.shape} and numerical {c.shape}: the relative error compares them "
                         f"entry by entry")
    allowed = as_numbers("atol", atol)
    if np.any(allowed < 0) or allowed.shape not in ((), a.shape):
        raise ValueError(f"atol must be one number >= 0, or one per entry (shape {a.shape}), got {atol!r}")
    # in halves (exact for normal doubles): a - c and |a| + |c| near a double's range overflowed, 1e308 vs -1e308 nan
    half_gap, half_size = np.abs(a / 2 - c / 2), np.abs(a) / 2 + np.abs(c) / 2
    r = half_gap / np.maximum(half_size, FLOOR / 2)
    return np.where((r >= RIGHT) & (half_gap <= allowed / 2), 0.0, r)  # the allowance only where the plain r fails


def worst_entry(analytic: dict[str, Array], numerical: dict[str, Array], atol: float = 0.0,
                truncation: dict[str, Array] | None = None) -> str:
    """The entry with the largest `relative_error`, with its numbers, for a message that says why a check failed:
    ``"w_hidden[2, 1]: analytic 1.02e-13, central difference 0, gap 1.02e-13, rounding noise 5.6e-10, r = 0.0102"``.
    With ``truncation`` (`truncation_error`'s arrays) the entry is judged with ``atol`` plus its truncation estimate,
    and the message gives that estimate too (``..., rounding noise 5.6e-10, truncation 3e-12, r = ...``). ``atol`` is
    one number >= 0 for every entry (the message prints it).
    """
    allowed = as_numbers("atol", atol)
    if allowed.ndim != 0 or not allowed >= 0:
        raise ValueError(f"atol must be one number >= 0 for every entry, got {atol!r}")
    atol = float(allowed)
    analytic = as_gradients("analytic", analytic)
    numerical = as_gradients("numerical", numerical, like=analytic)
    truncation = None if truncation is None else as_gradients("truncation", truncation, like=analytic)
    tol = {name: atol if truncation is None else atol + truncation[name] for name in analytic}
    name, idx, r = max(((name, idx, float(relative_error(analytic[name], numerical[name], tol[name])[idx]))
                        for name in analytic for idx in np.ndindex(np.shape(analytic[name]))), key=lambda t: t[2])
    a, c = float(analytic[name][idx]), float(numerical[name][idx])
    cut = "" if truncation is None else f", truncation {float(truncation[name][idx]):.2g}"
    return (f"{name}[{', '.join(map(str, idx))}]: analytic {a:.6g}, central difference {c:.6g}, gap {abs(a - c):.3g}, "
            f"rounding noise {atol:.2g}{cut}, r = {r:.3g}")


def rounding_noise(net: Network, x: ArrayLike, d: ArrayLike, h: float = 1e-5) -> float:
    r"""How far rounding alone can move a central difference of $E$ at this network and sample: a bound, with a
    safety factor 10, $10\,\varepsilon \big(E + \sum_j |e_j|\,(|y_j| + S_j)\big) / h$, where $S_j$, the size of the
    sums that make $y_j$, is $|b_j| + \sum_i |w_{ji}|\,\big(|y_{hi}| + f'(v_i)\,(|b_i| + \sum_k |w_{ik} x_k|)\big)$
    (each sum rounded to about $\varepsilon$ of its size; no output $f'$ exceeds 1), the largest of it at the weights
    and at each $\theta \pm h$ the central differences evaluate $E$ at: where $e$ is 0 at the weights (a target
    typed as $y$), the costs $E(\theta \pm h)$ are still rounded. Two gradients closer than this agree as far as a
    central difference can tell.
    """
    net, x, d, h = _checked(net, x, d, h)
    with np.errstate(over="ignore", invalid="ignore"):
        noise = _noise_over(net, x, d, h)
    if not np.isfinite(noise):
        raise FloatingPointError(f"the rounding noise at h = {h:g} is not a finite number: the cost E or the sums "
                                 f"that make y overflow")
    return noise


def _noise(fp: ForwardPass, d: Array, h: float) -> float:
    net = fp.net
    f_prime = activations.get(net.hidden).derivative_from_output(fp.y_hidden)  # how much of v_i's rounding y_hi keeps
    hidden_size = np.abs(fp.y_hidden) + np.abs(f_prime) * (np.abs(net.b_hidden) + np.abs(net.w_hidden) @ np.abs(fp.x))
    sums = np.abs(net.b_output) + np.abs(net.w_output) @ hidden_size
    e = _error(fp.y_output, d)
    return float(10 * np.finfo(float).eps * (_cost(e) + np.sum(np.abs(e) * (np.abs(fp.y_output) + sums))) / h)


def _noise_over(net: Network, x: Array, d: Array, h: float) -> float:
    """`_noise` at the weights and at every point a central difference evaluates the cost at, the largest."""
    return max([_noise(_forward(net, x), d, h)]
               + [_noise(_forward(moved, x), d, h) for _, _, moved in _moves(net, h)])


def _truncation(net: Network, x: Array, d: Array, h: float, numerical: dict[str, Array]) -> dict[str, Array]:
    at_2h = _numerical(net, x, d, 2 * h)
    return {name: np.abs(at_2h[name] - numerical[name]) / 3 for name in PARAMETERS}


def _tolerance(net: Network, x: Array, d: Array, h: float, numerical: dict[str, Array]) -> dict[str, Array]:
    noise = _noise_over(net, x, d, h)
    return {name: noise + t for name, t in _truncation(net, x, d, h, numerical).items()}


def _checked(net: object, x: ArrayLike, d: ArrayLike, h: object = 1e-5) -> tuple[Network, Array, Array, float]:
    """The public entries' inputs, checked once: errors name the argument."""
    net = checked_network(net)
    x = as_input(x, net.n_in)
    d = as_target(d, net.n_out)
    h = check_positive("h", h)
    check_step_kept(h, H, {name: getattr(net, name) for name in PARAMETERS})
    return net, x, d, h


def _analytic(fp: ForwardPass, d: Array) -> dict[str, Array]:
    # Each public rule by its name here, so that a test can swap one for a wrong one and see the check catch it.
    return {
        "w_hidden": -delta_w_hidden(fp, d, 1.0),
        "b_hidden": -delta_b_hidden(fp, d, 1.0),
        "w_output": -delta_w_output(fp, d, 1.0),
        "b_output": -delta_b_output(fp, d, 1.0),
    }


def _numerical(net: Network, x: Array, d: Array, h: float) -> dict[str, Array]:
    grads = {name: np.empty_like(getattr(net, name)) for name in PARAMETERS}
    costs: dict[tuple[str, tuple[int, ...]], list[float]] = {}
    for name, idx, moved in _moves(net, h):  # θ_p + h, then θ_p - h
        costs.setdefault((name, idx), []).append(_cost(_error(_forward(moved, x).y_output, d)))
    for (name, idx), (plus, minus) in costs.items():
        grads[name][idx] = (plus - minus) / (2 * h)
    return grads


def _moves(net: Network, h: float):
    """Each parameter entry moved by +h, then by -h: ``(name, index, network)``, the points a central difference
    evaluates the cost at."""
    for name in PARAMETERS:
        theta = getattr(net, name)
        for idx in np.ndindex(theta.shape):
            for sign in (+1, -1):
                moved = theta.copy()
                moved[idx] += sign * h
                yield name, idx, _with(net, name, moved)


def _with(net: Network, name: str, value: Array) -> Network:
    fields = {p: getattr(net, p) for p in PARAMETERS}
    fields[name] = value
    return _unchecked(**fields, hidden=net.hidden, output=net.output)
