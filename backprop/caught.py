r"""Whether the gradient check catches a mistake: the common-mistakes page shows each slip's updates beside the right
ones, and this reads both as gradients against the central difference.

An update $\Delta\theta = -\eta\, \partial E/\partial\theta$ read as a gradient is $-\Delta\theta/\eta$. The right rules
must read as right (largest relative error below `gradcheck.RIGHT`, $10^{-7}$) and the slip as a bug (above
$10^{-4}$), each with the check's allowance for what the central difference alone can be off by
(`gradcheck.tolerance`); `require_caught` stops the build, naming the slip and the numbers, when they do not.

    >>> import numpy as np
    >>> from backprop import Network, delta_b_output, delta_w_output, forward
    >>> net, x, d, eta = Network.random(2, 3, 1, seed=0), np.array([1.0, -0.5]), np.array([0.3]), 0.5
    >>> fp = forward(net, x)
    >>> right = np.concatenate([delta_w_output(fp, d, eta).ravel(), delta_b_output(fp, d, eta)])
    >>> found = check_mistake(net, x, d, eta, ("w_output", "b_output"), right, 2 * right)  # every step doubled
    >>> bool(found.right < 1e-7 < 1e-4 < found.wrong)
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from . import show
from .gradcheck import RIGHT, numerical_gradient, relative_error, tolerance
from .network import Network

#: A relative error above this reads as a bug.
WRONG = 1e-4


@dataclass(frozen=True)
class MistakeCheck:
    """The largest relative errors of the right updates and of the mistaken ones, read as gradients."""

    right: float  # with the check's allowance (gradcheck.tolerance)
    wrong: float  # with the allowance
    plain_wrong: float  # without it: what the slip alone shifts the gradients by


def check_mistake(net: Network, x: ArrayLike, d: ArrayLike, eta: float, names: Sequence[str], right: ArrayLike,
                  wrong: ArrayLike) -> MistakeCheck:
    r"""The gradient check of two updates of the parameters ``names`` (``"w_hidden"``, ``"b_hidden"``, ...):
    ``right`` and ``wrong`` hold $\Delta\theta$ of each parameter in ``names``, in that order, each flattened as
    ``numpy.ravel`` does; each is read as the gradient $-\Delta\theta/\eta$ and compared with the central difference
    (`gradcheck.relative_error`)."""
    numerical, allowance = numerical_gradient(net, x, d), tolerance(net, x, d)
    num = np.concatenate([numerical[name].ravel() for name in names])
    atol = np.concatenate([allowance[name].ravel() for name in names])

    def largest(update: ArrayLike, tol: ArrayLike | float) -> float:
        return float(np.max(relative_error(-np.asarray(update) / eta, num, tol)))

    return MistakeCheck(largest(right, atol), largest(wrong, atol), largest(wrong, 0.0))


def require_caught(mistake: str, found: MistakeCheck, e: float) -> None:
    """Stop the build unless the check reads the right rules as right and ``mistake`` as a bug: the message names the
    mistake and gives the numbers, and says so where the error ``e`` is too small for the check to see the mistake."""
    small = {"why": f"e = {e:.6g} is so small that the gradients, which shrink with e, lie within what the central "
                    "difference alone can be off by (its truncation error does not shrink with e)"}
    show.require(found.right < RIGHT < WRONG < found.wrong, f"the gradient check catches mistake {mistake}",
                 right=found.right, wrong=found.wrong, wrong_plain=found.plain_wrong, e=e,
                 **(small if found.plain_wrong > WRONG >= found.wrong else {}))
