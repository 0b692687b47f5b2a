"""The gradient check is small on the real rules and large on broken ones."""

from __future__ import annotations

import importlib
import inspect
import math
import re
import statistics

import numpy as np
import pytest

from backprop import examples, rules
from backprop.gradcheck import RIGHT, analytic_gradient, gradient_check, numerical_gradient
from backprop.network import Network
from tests.support import oracle

PAIRS = [(h, o) for h in ("logsig", "tansig", "purelin") for o in ("logsig", "tansig", "purelin")]


@pytest.fixture(autouse=True)
def worked_example_loaded():
    """The worked example is loaded before a test swaps one of gradcheck's rules for a wrong one: its loader runs a
    gradient check of the example, and loaded first under the swap (a worker whose first test of it was such a test),
    it refused the example."""
    return examples.NET


def random_problem(hidden="logsig", output="purelin", n=(3, 5, 2), seed=0):
    rng = np.random.default_rng(seed)
    net = Network.random(*n, seed=seed, hidden=hidden, output=output)
    return net, rng.uniform(-1.5, 1.5, n[0]), rng.uniform(-1, 1, n[2])


def test_small_on_the_worked_example():
    assert gradient_check(examples.NET, examples.X, examples.D) < 1e-6


@pytest.mark.parametrize(("hidden", "output"), PAIRS)
def test_small_for_every_activation_pair(hidden, output):
    net, x, d = random_problem(hidden, output)
    assert gradient_check(net, x, d) < 1e-6


@pytest.mark.parametrize("ex", [oracle.load_example(), oracle.HAND], ids=["worked-example", "hand"])
def test_numerical_gradient_against_hand_differences(ex):
    """Move w41 by hand and difference E: the package's central differences must agree."""
    net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"],
                  hidden=ex.get("hidden", "logsig"), output=ex.get("output", "purelin"))
    x, d = ex["x"], ex["d"]
    h = 1e-6

    y_h = oracle.forward(ex)["y_hidden"]  # the hidden outputs, in plain math
    (w41, w42, w43), (b4,) = ex["w_output"][0], ex["b_output"]

    def E(w41):
        y = w41 * y_h[0] + w42 * y_h[1] + w43 * y_h[2] + b4  # purelin output
        return 0.5 * (d - y) ** 2

    by_hand = (E(w41 + h) - E(w41 - h)) / (2 * h)
    assert numerical_gradient(net, x, d, h)["w_output"][0, 0] == pytest.approx(by_hand, rel=1e-12)
    assert by_hand == pytest.approx(-oracle.iteration(ex)["dw_output"][0][0] / ex["eta"], rel=1e-6)  # -∂E/∂w41


def test_analytic_gradient_matches_central_differences_in_every_entry():
    net, x, d = random_problem()
    g = analytic_gradient(net, x, d)
    assert set(g) == {"w_hidden", "b_hidden", "w_output", "b_output"}
    for name in g:
        assert g[name].shape == getattr(net, name).shape
    numerical = numerical_gradient(net, x, d)
    for name in g:
        np.testing.assert_allclose(g[name], numerical[name], rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("hidden", ["logsig", "tansig"])
def test_large_when_a_hidden_rule_drops_f_prime(monkeypatch, hidden):
    net, x, d = random_problem(hidden=hidden)
    assert gradient_check(net, x, d) < 1e-6
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # forget f'(v_i)
    assert gradient_check(net, x, d) > 0.1


@pytest.mark.parametrize("output", ["logsig", "tansig"])
def test_large_when_an_output_rule_drops_f_prime(monkeypatch, output):
    net, x, d = random_problem(output=output)
    assert gradient_check(net, x, d) < 1e-6
    monkeypatch.setattr(rules, "f_prime_output", lambda fp: np.ones_like(fp.y_output))  # forget f'(v_j)
    assert gradient_check(net, x, d) > 0.1


def test_large_when_one_rule_has_the_wrong_sign(monkeypatch):
    import backprop.gradcheck as gc

    net, x, d = random_problem()
    monkeypatch.setattr(gc, "delta_b_output", lambda fp, d, eta: -rules.delta_b_output(fp, d, eta))
    assert gradient_check(net, x, d) > 0.5



@pytest.mark.parametrize("h", [1e-16, 1e-14, 1e-13, 1e-12, 1e-8, 1e-5, 1e-3])
@pytest.mark.parametrize("slip", ["flipped", "zero"])
def test_a_wrong_hidden_rule_never_passes_whatever_h(monkeypatch, h, slip):
    """A reviewer's find: at h = 1e-14 every central difference of E is rounding, the allowance (about 1/h) covered
    every gap, and a sign-flipped or all-zero hidden rule passed with 0.0. Now the check either fails the rule or
    refuses the h, saying it cannot fail there."""
    import backprop.gradcheck as gc

    wrong = {"flipped": lambda fp, d, eta: -rules.delta_w_hidden(fp, d, eta),
             "zero": lambda fp, d, eta: 0 * rules.delta_w_hidden(fp, d, eta)}[slip]
    monkeypatch.setattr(gc, "delta_w_hidden", wrong)
    try:
        r = gradient_check(examples.NET, examples.X, examples.D, h=h)
    except ValueError as refused:
        said = str(refused)
        assert re.search(rf"h = {h:g} (gives a check that cannot fail|cannot judge|judges only roughly)", said), said
        assert "1e-05" in said and h <= 1e-10, "refused only where rounding covers a gradient the default h judges"
    else:
        assert r > 1e-4, (h, r)


@pytest.mark.parametrize("factor", [1.1, 1.05, 1.001])
@pytest.mark.parametrize("h", [1e-13, 1e-12, 1e-11, 1e-10, 1e-8, 1e-6, 1e-5, 1e-4, 1e-3])
def test_a_rule_off_by_a_little_never_passes_whatever_h(monkeypatch, h, factor):
    """Two reviewers' finds: at h = 1e-13 the allowance (rounding, about 1/h) covered the hidden weights' gaps of a rule
    10 % off, while the output weights' gradients still exceeded theirs, so the check returned 0.0, "right"; at
    h = 1e-12 a rule 5 % off passed so, and at 1e-11 one 0.1 % off. An h whose allowance covers 1e-4 (BUG) of a gradient
    the default h judges more finely is refused, naming the entry; any other h catches the slip: its relative error
    is |k a - a| / (k |a| + |a|) = (k - 1)/(k + 1), plain math."""
    import backprop.gradcheck as gc

    monkeypatch.setattr(gc, "delta_w_hidden", lambda fp, d, eta: factor * rules.delta_w_hidden(fp, d, eta))
    try:
        r = gradient_check(examples.NET, examples.X, examples.D, h=h)
    except ValueError as refused:
        said = str(refused)
        assert re.search(rf"h = {h:g} (cannot judge|judges only roughly) the gradient of w_hidden\[\d, \d\], -?\d",
                         said), said
        assert "where at the default h = 1e-05 it can be off by" in said and h <= 1e-10, h
    else:
        assert r == pytest.approx((factor - 1) / (factor + 1), rel=1e-2), (h, r)


def test_every_default_h_is_the_one_the_refusals_name():
    """The signatures write h's default as a number, for the API reference; it is H, which the check's refusals name
    ("which the default h = 1e-05 judges")."""
    for fn in (numerical_gradient, gradient_check, GRADCHECK.truncation_error, GRADCHECK.tolerance,
               GRADCHECK.rounding_noise):
        assert inspect.signature(fn).parameters["h"].default == GRADCHECK.H == 1e-5, fn.__name__


def test_a_network_whose_gradients_are_all_noise_is_refused_without_advice_to_use_the_default():
    """A reviewer's find: a saturated output neuron (v_4 = 30, f'(v_4) = 9.4e-14) makes every gradient rounding noise;
    the check refused it, rightly, at the default h, with the advice "use an h near the default 1e-05". It says the
    network is the reason."""
    net = Network(w_hidden=[[1.0]], b_hidden=[0.0], w_output=[[30.0]], b_output=[0.0], hidden="purelin",
                  output="logsig")
    assert 1 / (1 + math.exp(-30)) * (1 - 1 / (1 + math.exp(-30))) < 1e-12  # the premise: f'(v_4), by hand
    for h in (1e-5, 1e-4):
        with pytest.raises(ValueError) as refused:
            gradient_check(net, [1.0], 0.0, h=h)
        assert "the check cannot fail at this network and sample" in str(refused.value)
        assert "within the rounding of its central difference" in str(refused.value)
        assert "use an h near" not in str(refused.value)


def test_a_huge_target_is_not_blamed_on_a_saturated_output():
    """A reviewer's d = 1e150: every gradient within the rounding of its central difference, because E (about 5e299)
    is so large, and the message said "as a saturated output neuron makes them" for a linear output. It names both
    causes, neither as the one at hand."""
    net = Network.random(2, 3, 1, seed=0)
    with pytest.raises(ValueError) as refused:
        gradient_check(net, [0.8, -0.6], 1e150)
    assert "a large cost E the rounding that large" in str(refused.value)
    assert "as a saturated output neuron makes them" not in str(refused.value)


def test_the_check_refuses_an_h_at_which_the_right_rules_are_all_rounding():
    """At h = 1e-14 a wrong rule passed (the test above, on the old code): a check that cannot fail does not call the
    right rules right either; it refuses the h."""
    ex = oracle.shipped()  # an example at which every right gradient is rounding at this h (not so for every one)
    net = Network(**{key: ex[key] for key in ("w_hidden", "b_hidden", "w_output", "b_output", "hidden", "output")})
    with pytest.raises(ValueError, match=r"h = 1e-14 gives a check that cannot fail"):
        gradient_check(net, np.array(ex["x"]), ex["d"], h=1e-14)


@pytest.mark.parametrize("where", ["weights", "h"])
def test_an_overflowing_cost_is_named_not_a_nan_verdict(where):
    """With w_41 = 1e200 the cost overflows (y^2 > 1e308) and the check returned nan with about 80 RuntimeWarnings;
    with h = 1e300 it returned 1.0 for the right rules. Now a FloatingPointError says which entries, without a
    warning."""
    import warnings

    net = examples.NET
    if where == "weights":
        w = net.w_output.copy()
        w[0, 0] = 1e200
        net = Network(w_hidden=net.w_hidden, b_hidden=net.b_hidden, w_output=w, b_output=net.b_output)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(FloatingPointError, match=r"not a finite number at (w|b)_\w+\[\d.*the cost E overflows"):
            gradient_check(net, examples.X, examples.D, h=1e300 if where == "h" else 1e-5)

@pytest.mark.parametrize("name", ["numerical_gradient", "analytic_gradient", "tolerance", "truncation_error",
                                  "rounding_noise"])
def test_every_public_gradient_function_names_an_overflow(name):
    """A reviewer's find: with x_1 = 1e155 (v = y = 1e155, E = 5e309) numerical_gradient returned nan with numpy's
    RuntimeWarnings, tolerance and truncation_error nan, rounding_noise inf, and analytic_gradient advised a smaller
    eta, which it has no argument for. Each raises a FloatingPointError that names what is not finite, without a
    warning, as gradient_check does."""
    import warnings

    net = Network([[1.0, 0.0]], [0.0], [[1.0]], [0.0], hidden="purelin")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(FloatingPointError, match=r"is not a finite number") as raised:
            getattr(GRADCHECK, name)(net, [1e155, 0.0], 0.0)
    assert "eta" not in str(raised.value)


def test_large_when_the_slides_single_output_formula_is_used_for_two_outputs(monkeypatch):
    """Using only output 1's error in the hidden rules (no sum over j) is caught."""
    import backprop.gradcheck as gc

    net, x, d = random_problem(n=(2, 3, 2))

    def first_output_only(fp, d, eta):
        e = rules.error(fp, d)[:1]
        return eta * np.outer(e @ fp.net.w_output[:1] * rules.f_prime_hidden(fp), fp.x)

    monkeypatch.setattr(gc, "delta_w_hidden", first_output_only)
    assert gradient_check(net, x, d) > 0.01


# --- the equations the docstrings show (the API reference renders them) ---------------------------------

GRADCHECK = importlib.import_module("backprop.gradcheck")
PARAMETERS = ("w_hidden", "b_hidden", "w_output", "b_output")


def doc_of(obj) -> str:
    return " ".join(inspect.getdoc(obj).split())


def plain_problem(hidden="logsig", output="tansig", seed=1) -> dict:
    net, x, d = random_problem(hidden, output, n=(2, 3, 2), seed=seed)
    return {**net.to_dict(), "x": x.tolist(), "d": d.tolist(), "eta": 1.0}


def plain_central_difference(ex: dict, name: str, idx: tuple, h: float) -> float:
    """(E(theta_p + h) - E(theta_p - h)) / 2h for one parameter p, by the oracle."""
    costs = [oracle.cost(moved, oracle.forward(moved)["y_output"])
             for moved in (oracle.moved_by(ex, name, idx, sign * h) for sign in (1, -1))]
    return (costs[0] - costs[1]) / (2 * h)


def net_of(ex: dict) -> Network:
    return Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"], hidden=ex["hidden"],
                   output=ex["output"])


def test_the_numerical_gradient_is_the_central_difference_its_docstrings_show():
    r"""The module's $\dfrac{E(\theta + h) - E(\theta - h)}{2h}$ and numerical_gradient's
    $(E(\theta_p + h) - E(\theta_p - h)) / 2h$, at an h large enough that another difference (one-sided, or over
    h instead of 2h) or the exact gradient would be another number."""
    assert r"$\dfrac{E(\theta + h) - E(\theta - h)}{2h}$, one parameter at a time" in doc_of(GRADCHECK)
    assert r"$(E(\theta_p + h) - E(\theta_p - h)) / 2h$ for every parameter $p$" in doc_of(numerical_gradient)
    ex, h = plain_problem(), 0.3
    got = numerical_gradient(net_of(ex), ex["x"], ex["d"], h)
    exact = analytic_gradient(net_of(ex), ex["x"], ex["d"])
    for name in PARAMETERS:
        for idx in np.ndindex(got[name].shape):
            assert got[name][idx] == pytest.approx(plain_central_difference(ex, name, idx, h), rel=1e-12, abs=1e-14)
    assert not np.allclose(got["w_hidden"], exact["w_hidden"], rtol=1e-3)  # h = 0.3 is far from the limit


def test_the_analytic_gradient_is_minus_the_rules_over_eta_as_its_docstrings_say():
    r"""$\Delta\theta = -\eta\,\partial E/\partial\theta$, so $\partial E/\partial\theta = -\Delta\theta/\eta$
    ("with $\eta = 1$"): against the oracle's rules and against the oracle's central differences."""
    assert r"$\Delta\theta = -\eta\,\partial E/\partial\theta$, so the analytic gradient is $-\Delta\theta/\eta$" \
        in doc_of(GRADCHECK)
    assert r"$\partial E/\partial\theta$ for each parameter array, from the four rules (with $\eta = 1$)" \
        in doc_of(analytic_gradient)
    for hidden, output in [("logsig", "tansig"), ("tansig", "logsig")]:
        ex = {**plain_problem(hidden, output), "eta": 0.7}
        it = oracle.iteration(ex)
        got = analytic_gradient(net_of(ex), ex["x"], ex["d"])
        for name in PARAMETERS:
            want = -np.asarray(it[f"d{name}"]) / 0.7  # the oracle's Δθ: dw_hidden, db_hidden, ...
            np.testing.assert_allclose(got[name], want, rtol=1e-12, atol=1e-15)
            for idx in np.ndindex(want.shape):
                assert want[idx] == pytest.approx(plain_central_difference(ex, name, idx, 1e-6), rel=1e-6, abs=1e-9)


def test_the_default_h_and_its_error_orders_are_what_the_docstring_says():
    r"""$h = 10^{-5} \approx \varepsilon^{1/3}$, truncation error $O(h^2)$ and rounding error $O(\varepsilon/h)$."""
    doc = doc_of(numerical_gradient)
    assert (r"The default $h = 10^{-5} \approx \varepsilon^{1/3}$ balances truncation error ($O(h^2)$) against "
            r"rounding error ($O(\varepsilon/h)$)") in doc
    for fn in (numerical_gradient, gradient_check):
        assert inspect.signature(fn).parameters["h"].default == 1e-5
    assert 0.5 < np.finfo(float).eps ** (1 / 3) / 1e-5 < 2
    ex = plain_problem()
    exact = analytic_gradient(net_of(ex), ex["x"], ex["d"])

    def worst_error(h: float) -> float:
        got = numerical_gradient(net_of(ex), ex["x"], ex["d"], h)
        return max(float(np.abs(got[n] - exact[n]).max()) for n in PARAMETERS)

    ratio = worst_error(1e-2) / worst_error(1e-3)  # O(h^2): a tenth of h, a hundredth of the error
    assert 50 < ratio < 200, ratio
    assert worst_error(1e-5) < worst_error(1e-2) / 100  # the default is far below the truncation error of 1e-2 ...
    assert worst_error(1e-11) > 10 * worst_error(1e-5)  # ... and above the rounding error of a tiny h


def test_the_relative_error_is_the_docstrings_formula(monkeypatch):
    r"""$|a - c| / \max(|a| + |c|, 10^{-8})$: a rule off by a factor 2 gives 1/3 (|2g - g| / (2|g| + |g|), where
    max(|a|, |c|) would give 1/2), and an analytic 1e-9 against a numerical 0 gives 1e-9 / 1e-8 = 0.1."""
    assert r"The largest relative error $|a - c| / \max(|a| + |c|, 10^{-8})$" in doc_of(gradient_check)
    net, x, d = random_problem()
    right = rules.delta_w_hidden
    monkeypatch.setattr(GRADCHECK, "delta_w_hidden", lambda fp, d, eta: 2 * right(fp, d, eta))
    assert gradient_check(net, x, d) == pytest.approx(1 / 3, rel=1e-6)
    # x = 0: E does not depend on w_ik, so the numerical gradient is exactly 0 there
    monkeypatch.setattr(GRADCHECK, "delta_w_hidden", lambda fp, d, eta: np.full_like(right(fp, d, eta), -1e-9))
    assert numerical_gradient(net, np.zeros(3), d)["w_hidden"].max() == 0
    assert gradient_check(net, np.zeros(3), d) == pytest.approx(0.1, rel=1e-9)


def test_right_rules_give_about_1e_8_and_slips_more_than_1e_4(monkeypatch):
    r"""Below RIGHT (10^-7) means the rules give the slopes of E at the point checked, and right rules usually read
    about 10^-8 or less; anything above 10^-4 means a bug."""
    assert (r"below `RIGHT` ($10^{-7}$) means the rules give the slopes of $E$ at the point checked (right rules "
            r"usually read about $10^{-8}$ or less), anything above $10^{-4}$ means a bug"
            in " ".join(doc_of(gradient_check).split()))
    worst = [gradient_check(*random_problem(h, o, seed=s)) for s in range(3) for h, o in PAIRS]
    assert max(worst) < 1e-7 == RIGHT and statistics.median(worst) < 1e-8
    assert math.isfinite(max(worst))
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # a slip: f'(v_i) dropped
    slipped = [gradient_check(*random_problem(h, o, seed=s)) for s in range(3) for h, o in PAIRS if h != "purelin"]
    assert min(slipped) > 1e-4


# --- gradients of rounding-noise size: judged absolutely, as numpy.isclose does with atol ------------------------

SATURATED = {**oracle.shipped(), "w_hidden": [[20.0, -18.0], [-22.0, 19.0], [21.0, 17.0]]}


def test_a_saturated_network_passes_with_the_right_rules_and_fails_with_a_slip(monkeypatch):
    """Hidden weights of size ~20: every y_hi is within 1e-5 of 0 or 1, so hidden gradients are 1e-5 down to 1e-13
    (the oracle's), where a central difference's rounding error (~1e-11) is a large part of the gradient. The check
    once divided that noise by the floor 1e-8 and reported 1e-5 for the right rules, 'a bug' by its own reading; a
    gap within the rounding noise of a gradient that small is now judged absolutely. A slip still fails it."""
    it = oracle.iteration(SATURATED)
    hidden = [abs(v) for row in it["dw_hidden"] for v in row] + [abs(v) for v in it["db_hidden"]]
    assert max(hidden) / SATURATED["eta"] < 1e-4 and min(hidden) / SATURATED["eta"] < 1e-12  # the premise
    net = net_of(SATURATED)
    x, d = SATURATED["x"], SATURATED["d"]
    plain = max(float(np.max(GRADCHECK.relative_error(a, n)))
                for a, n in zip(analytic_gradient(net, x, d).values(), numerical_gradient(net, x, d).values()))
    assert plain > 1e-6, "without the noise, the right rules read as a bug (the case this test is for)"
    assert gradient_check(net, x, d) < GRADCHECK.RIGHT
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # forget f'(v_i)
    assert gradient_check(net, x, d) > 0.1


def test_the_rounding_noise_bounds_the_gap_of_the_right_rules():
    """rounding_noise is at least every gap |a - c| of the right rules, on random problems of every activation pair,
    the example files and the saturated network; and small: far below the gradients of a usual problem."""
    problems = [random_problem(h, o, seed=s) for s in range(3) for h, o in PAIRS]
    problems += [(net_of(ex), ex["x"], ex["d"]) for ex in [SATURATED, *map(oracle.load_example,
                                                                           oracle.all_example_files())]]
    for net, x, d in problems:
        noise = GRADCHECK.rounding_noise(net, x, d)
        a, n = analytic_gradient(net, x, d), numerical_gradient(net, x, d)
        assert max(float(np.max(np.abs(a[k] - n[k]))) for k in PARAMETERS) <= noise
        assert noise < 1e-7


@pytest.mark.parametrize("offset", [1e-8, 3e-8, 1e-7])
def test_right_rules_pass_where_the_error_is_nearly_0(offset):
    """A reviewer's finding: with d within 1e-7 of y, the right rules read up to 7.1e-5, near a bug's 1e-4: the central
    difference of w_31 was 7.1e-13, pure truncation, just over Richardson's estimate of it, and the rounding noise,
    bounded from e at the weights, near 0, though the costs E(theta +- h) it takes are rounded. The noise is bounded
    at those points too."""
    y = oracle.forward(oracle.load_example())["y_output"][0]
    assert gradient_check(examples.NET, examples.X, y + offset) < GRADCHECK.RIGHT


def test_the_check_refuses_an_error_of_exactly_0(monkeypatch):
    """With d = y every rule that scales with e gives 0: a second reviewer found a sign-flipped and a 5-fold hidden
    rule passing there with 1.7e-8. The check refuses, saying why."""
    import backprop.gradcheck as gc

    y = oracle.forward(oracle.load_example())["y_output"][0]
    for slip in (lambda fp, d, eta: -rules.delta_w_hidden(fp, d, eta), rules.delta_w_hidden):
        monkeypatch.setattr(gc, "delta_w_hidden", slip)
        with pytest.raises(ValueError, match=r"every gradient of the rules is exactly 0 \(the error e = d - y is 0"):
            gradient_check(examples.NET, examples.X, y)


def test_relative_error_is_plain_except_for_a_gap_within_the_noise_of_a_tiny_gradient():
    """Hand values: r = |a - c| / max(|a| + |c|, 1e-8); with atol = 1e-10, a gap of 1e-13 between two gradients of
    1e-9 is 0 (noise: their sum is below atol / RIGHT = 1e-3), but not a gap of 1e-9 (a wrong rule), nor a gap of
    1e-11 between two gradients of 0.5 (judged relatively: 1e-11)."""
    r = GRADCHECK.relative_error([1e-9 + 1e-13, 2e-9, 0.5 + 1e-11, 0.0], [1e-9, 1e-9, 0.5, 0.0], atol=1e-10)
    assert r[0] == 0.0 and r[1] == pytest.approx(1e-9 / 1e-8) and r[2] == pytest.approx(1e-11) and r[3] == 0.0
    assert GRADCHECK.relative_error([1e-9 + 1e-13], [1e-9])[0] == pytest.approx(1e-13 / 1e-8)  # atol = 0: plain


def test_worst_entry_names_the_entry_and_its_numbers():
    a = {"w_hidden": np.array([[0.5, 2e-9]]), "b_output": np.array([1.0])}
    n = {"w_hidden": np.array([[0.5, 1e-9]]), "b_output": np.array([1.0])}
    assert GRADCHECK.worst_entry(a, n, 1e-12) == ("w_hidden[0, 1]: analytic 2e-09, central difference 1e-09, "
                                                  "gap 1e-09, rounding noise 1e-12, r = 0.1")


@pytest.mark.parametrize(("analytic", "numerical", "error", "match"), [
    ({"w": [1.0, 2.0]}, {"w": [1.0, 2.5]}, None, r"^w\[1\]: analytic 2, central difference 2\.5"),  # lists: fine
    ({"w": [1.0]}, "w", TypeError, r"^numerical must be a dict of arrays, as analytic_gradient returns, got str$"),
    ({"w": [1.0], "b": [0.5]}, {"w": [1.0]}, ValueError,
     r"^numerical must have the keys of analytic, \['b', 'w'\]; got \['w'\]$"),
    ({"w": [1.0, 2.0]}, {"w": [1.0]}, ValueError, r"^numerical\['w'\] has shape \(1,\), analytic\['w'\] \(2,\)$"),
    ({"w": [1.0, math.nan]}, {"w": [1.0, 2.0]}, ValueError, r"^analytic\['w'\] must be finite, found nan at index "
                                                            r"\(1,\)$"),
    ({}, {}, ValueError, r"^analytic is empty: a dict of arrays, as analytic_gradient returns, has one per "
                         r"parameter$"),
])
def test_worst_entry_names_a_bad_gradient(analytic, numerical, error, match):
    """A code review: worst_entry, on the reference page, raised 'list indices must be integers or slices, not tuple'
    for lists and a bare KeyError for a missing key."""
    if error is None:
        assert re.match(match, GRADCHECK.worst_entry(analytic, numerical))
        return
    with pytest.raises(error, match=match):
        GRADCHECK.worst_entry(analytic, numerical)

@pytest.mark.parametrize(("atol", "error", "match"), [
    (np.array([1e-12, 1e-12]), ValueError, r"^atol must be one number >= 0 for every entry, got array\("),
    (-1e-12, ValueError, r"^atol must be one number >= 0 for every entry, got -1e-12$"),
    (math.nan, ValueError, r"^atol must be finite, found nan$"),
    ("1e-12", TypeError, r"^atol "),
])
def test_worst_entry_names_an_atol_it_cannot_print(atol, error, match):
    """A code review: a per-entry atol array, which relative_error takes, reached an f-string's ':.2g' and raised
    numpy's 'unsupported format string passed to numpy.ndarray.__format__'."""
    with pytest.raises(error, match=match):
        GRADCHECK.worst_entry({"w": [1.0, 2.0]}, {"w": [1.0, 2.5]}, atol)


def test_the_rounding_noise_is_the_docstrings_bound():
    r"""$10\,\varepsilon \big(E + \sum_j |e_j|\,(|y_j| + S_j)\big) / h$ with
    $S_j = |b_j| + \sum_i |w_{ji}|\,\big(|y_{hi}| + f'(v_i)\,(|b_i| + \sum_k |w_{ik} x_k|)\big)$, in plain math from the
    oracle's forward pass, the largest at the weights and at each theta +- h, for a 2-3-2 network of each hidden
    activation and h of 1e-5 and 1e-3."""
    doc = doc_of(GRADCHECK.rounding_noise)
    assert (r"$10\,\varepsilon \big(E + \sum_j |e_j|\,(|y_j| + S_j)\big) / h$, where $S_j$, the size of the sums that "
            r"make $y_j$, is $|b_j| + \sum_i |w_{ji}|\,\big(|y_{hi}| + f'(v_i)\,(|b_i| + \sum_k |w_{ik} x_k|)\big)$"
            in doc)
    assert r"the largest of it at the weights and at each $\theta \pm h$ the central differences evaluate $E$ at" in doc

    for hidden, output in [("logsig", "purelin"), ("tansig", "tansig")]:
        ex = plain_problem(hidden, output)
        for h in (1e-5, 1e-3):
            want = oracle.rounding_noise(ex, h)  # at the weights and at every theta +- h, in plain math
            assert want > oracle.noise_bound(ex, h) * (1 + 1e-9), "the premise: a moved point has the larger bound"
            got = GRADCHECK.rounding_noise(net_of(ex), ex["x"], ex["d"], h)
            assert got == pytest.approx(want, rel=1e-12, abs=0)  # abs=0: approx's 1e-12 would pass any noise


def test_relative_error_counts_0_only_what_its_docstring_says():
    """'an entry whose plain relative error is at least RIGHT (it would read as a bug) but whose gap |a - c| is at most
    atol ... counts 0': at the two bounds (just inside, and just past each) with atol = 1e-9; 'an entry that counts 0
    has |a| + |c| at most atol / RIGHT'; and 'With atol = 0 it is the plain relative error'. (The old rule's bounds,
    gap at most atol and |a| + |c| at most atol / RIGHT, zeroed an entry whose plain r was already below RIGHT.)"""
    doc = doc_of(GRADCHECK.relative_error)
    assert ("an entry whose plain relative error is at least `RIGHT` (it would read as a bug) but whose gap $|a - c|$ "
            "is at most ``atol``") in doc
    assert "An entry whose plain relative error is below `RIGHT` keeps it, however small its gradient" in doc
    assert "an entry that counts 0 has $|a| + |c|$ at most ``atol / RIGHT``" in doc
    assert "counts 0" in doc and "With ``atol = 0`` it is the plain relative error" in doc
    atol, right = 1e-9, GRADCHECK.RIGHT
    for gap, plain, zero in [(atol * 0.99, right * 1.01, True), (atol * 1.01, right * 1.01, False),
                             (atol * 0.99, right * 0.99, False)]:
        total = gap / plain  # a = n + gap with a + n = total, so that gap / total is the plain r
        n = (total - gap) / 2
        (r,) = GRADCHECK.relative_error([n + gap], [n], atol)
        assert (r == 0) == zero, (gap, total, r)
        if zero:
            assert total <= atol / right
        else:
            assert r == pytest.approx(plain, rel=1e-6)
    assert GRADCHECK.relative_error([3e-9], [1e-9])[0] == pytest.approx(2e-9 / 1e-8)


def test_relative_error_keeps_a_plain_r_below_right_on_a_small_gradient():
    """Hand values: a gap of 1e-11 between gradients of 1e-3 is a plain r of 1e-11 / 2e-3 = 5e-9, already below
    RIGHT, and stays 5e-9 with atol = 1e-9, though the gap is within atol and |a| + |c| = 2e-3 is below
    atol / RIGHT = 1e-2 (the old rule counted it 0, so a page printed 0.0e+00 for a row the plain r had judged
    right); a gap of 1e-11 between gradients of 1e-5 (plain r 5e-7) still counts 0. Per entry, with an array atol."""
    r = GRADCHECK.relative_error([1e-3 + 1e-11, 1e-5 + 1e-11], [1e-3, 1e-5], atol=1e-9)
    assert r[0] == pytest.approx(1e-11 / 2e-3, rel=1e-4) and r[1] == 0.0
    r = GRADCHECK.relative_error([1e-3 + 1e-11, 1e-5 + 1e-11], [1e-3, 1e-5], atol=np.array([1e-9, 1e-12]))
    assert r[0] == pytest.approx(5e-9, rel=1e-4) and r[1] == pytest.approx(1e-11 / 2e-5, rel=1e-4)


# --- a small error e: the central difference's truncation error, which does not shrink with e -----------------------

# Valid examples (the loader's rules: |e| of 1e-3 or more, hidden neurons not saturated, or a review's r2 with e = 3e-5)
# whose gradients, proportional to e, come near the central difference's truncation error C h^2, which is not.
SMALL_ERROR = {
    "r2-logsig-large-x-big-eta": {
        "w_hidden": [[0.3, 0.2], [-0.25, -0.4], [0.1, 0.35]], "b_hidden": [-0.5, 0.2, 0.1],
        "w_output": [[0.6, -0.8, 0.45]], "b_output": [0.15], "hidden": "logsig", "output": "purelin",
        "x": [6.0, -4.5], "d": 0.1436718686, "eta": 3.0},
    "tanh-large-x-e-1e-3": {
        "w_hidden": [[0.2, 0.16], [-0.15, -0.3], [0.1, 0.05]], "b_hidden": [0.0, 0.1, -0.2],
        "w_output": [[2.0, -1.5, 1.0]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
        "x": [8.0, -6.0], "d": 0.615561, "eta": 0.5},
    "tanh-large-x-e-1e-2": {
        "w_hidden": [[0.2, 0.16], [-0.15, -0.3], [0.1, 0.05]], "b_hidden": [0.0, 0.1, -0.2],
        "w_output": [[2.0, -1.5, 1.0]], "b_output": [0.1], "hidden": "tansig", "output": "purelin",
        "x": [8.0, -6.0], "d": 0.62456, "eta": 0.5},
    "logsig-large-x-e-1e-3": {
        "w_hidden": [[0.15, 0.1], [-0.1, -0.12], [0.05, 0.2]], "b_hidden": [-0.5, 0.2, 0.1],
        "w_output": [[3.0, -2.5, 2.0]], "b_output": [0.15], "hidden": "logsig", "output": "purelin",
        "x": [12.0, -9.0], "d": 1.146570, "eta": 0.5},
}


def right_gradient(ex: dict) -> dict[str, np.ndarray]:
    """dE/dtheta = -Delta theta / eta from the oracle's rules, in plain math."""
    it = oracle.iteration(ex)
    return {name: -np.asarray(it[f"d{name}"], dtype=float) / ex["eta"] for name in PARAMETERS}


@pytest.mark.parametrize("name", SMALL_ERROR)
def test_a_small_error_passes_with_the_right_rules(name):
    """The right rules (the oracle's gradient) read as a bug by the relative error with rounding noise alone, the
    check's reading before the truncation error was accounted for: their gap to the central difference is truncation,
    shrinking a hundredfold for a tenth of h (the oracle's differences). gradient_check now reads them as right."""
    ex = SMALL_ERROR[name]
    assert 1e-5 < abs(oracle.iteration(ex)["e"]) < 0.02  # the premise: a small error
    net, x, d = net_of(ex), ex["x"], ex["d"]
    exact, analytic = right_gradient(ex), analytic_gradient(net, x, d)
    for p in PARAMETERS:
        np.testing.assert_allclose(analytic[p], exact[p], rtol=1e-9, atol=1e-15)
    numerical = numerical_gradient(net, x, d)
    noise = GRADCHECK.rounding_noise(net, x, d)
    old = max(float(np.max(GRADCHECK.relative_error(analytic[p], numerical[p], noise))) for p in PARAMETERS)
    assert old > GRADCHECK.RIGHT, "with rounding noise alone the right rules read as a bug (the case of this test)"
    idx = (0, 0)  # w_11, x_1 the larger input: the steepest truncation
    gaps = [abs(plain_central_difference(ex, "w_hidden", idx, h) - exact["w_hidden"][idx]) for h in (1e-4, 1e-5)]
    assert 50 < gaps[0] / gaps[1] < 200, gaps  # O(h^2): truncation, not a wrong rule
    assert gradient_check(net, x, d) < GRADCHECK.RIGHT


def r2_problem():
    ex = SMALL_ERROR["r2-logsig-large-x-big-eta"]
    return net_of(ex), ex["x"], ex["d"], ex["eta"]


def test_a_small_error_still_fails_a_dropped_f_prime(monkeypatch):
    net, x, d, _ = r2_problem()
    monkeypatch.setattr(rules, "f_prime_hidden", lambda fp: np.ones_like(fp.y_hidden))  # forget f'(v_i)
    assert gradient_check(net, x, d) > 0.1


@pytest.mark.parametrize("param", ["delta_b_output", "delta_w_output", "delta_w_hidden"])
def test_a_small_error_still_fails_a_flipped_sign(monkeypatch, param):
    net, x, d, _ = r2_problem()
    right = getattr(rules, param)
    monkeypatch.setattr(GRADCHECK, param, lambda fp, d, eta: -right(fp, d, eta))
    assert gradient_check(net, x, d) > 0.5


def test_a_small_error_still_fails_w_n_plus_1_in_the_hidden_rules(monkeypatch):
    """Rules (3) and (4) with the output weights after rule (1), w_ji(n+1) = w_ji(n) + eta e y_hi (the oracle's
    back_weights), in place of w_ji(n)."""
    net, x, d, eta = r2_problem()
    ex = SMALL_ERROR["r2-logsig-large-x-big-eta"]
    w_next = [[w + dw for w, dw in zip(ex["w_output"][0], oracle.iteration(ex)["dw_output"][0])]]
    wrong = oracle.iteration(ex, back_weights=w_next)
    monkeypatch.setattr(GRADCHECK, "delta_w_hidden", lambda fp, d, e: np.asarray(wrong["dw_hidden"]) * e / eta)
    monkeypatch.setattr(GRADCHECK, "delta_b_hidden", lambda fp, d, e: np.asarray(wrong["db_hidden"]) * e / eta)
    assert gradient_check(net, x, d) > 100 * GRADCHECK.RIGHT  # eta e = 9e-5: w_ji moves little, but it shows


def test_the_tolerance_bounds_every_gap_of_the_right_rules():
    """tolerance (rounding noise plus truncation estimate) is at least every gap |a - c| of the right rules (the
    oracle's gradient), on the small-error examples, random problems of every activation pair and the example files;
    and it is the sum of rounding_noise and truncation_error, entry by entry."""
    problems = [(ex["x"], ex["d"], ex) for ex in SMALL_ERROR.values()]
    problems += [(ex["x"], ex["d"], ex) for ex in map(oracle.load_example, oracle.all_example_files())]
    for ex in [plain_problem(h, o, seed=s) for s in range(2) for h, o in PAIRS]:
        problems.append((ex["x"], ex["d"], ex))
    for x, d, ex in problems:
        net = net_of({**ex, "hidden": ex.get("hidden", "logsig"), "output": ex.get("output", "purelin")})
        tol, exact = GRADCHECK.tolerance(net, x, d), right_gradient(ex)
        numerical, cut = numerical_gradient(net, x, d), GRADCHECK.truncation_error(net, x, d)
        noise = GRADCHECK.rounding_noise(net, x, d)
        for p in PARAMETERS:
            assert np.all(np.abs(numerical[p] - exact[p]) <= tol[p]), (p, ex.get("x"))
            np.testing.assert_allclose(tol[p], noise + cut[p], rtol=1e-12)


def test_the_truncation_error_is_the_docstrings_richardson_estimate():
    r"""$|c(2h) - c(h)| / 3$ (the oracle's central differences), with $c(h) = \partial E/\partial\theta + C h^2 +
    O(h^4)$ and $C = \tfrac16\,\partial^3 E/\partial\theta^3$ (sympy's series), so $c(2h) - c(h) = 3 C h^2 + O(h^4)$;
    at h = 1e-3, where truncation dwarfs rounding, it is the error of c(h) against the oracle's gradient. With one
    output $\partial^3 E/\partial\theta^3$ holds $3\,\partial y/\partial\theta\,\partial^2 y/\partial\theta^2$ without
    e (sympy), and the estimate hardly changes when e shrinks a thousandfold while the gradient does."""
    import sympy as sp

    doc = doc_of(GRADCHECK.truncation_error)
    assert (r"Richardson's estimate of each central difference's truncation error, entry by entry: "
            r"$|c(2h) - c(h)| / 3$") in doc
    assert (r"The central difference $c(h)$ is $\partial E/\partial\theta + C h^2 + O(h^4)$, with "
            r"$C = \tfrac16\,\partial^3 E/\partial\theta^3$, so $c(2h) - c(h) = 3 C h^2 + O(h^4)$ and a third of it is "
            r"the error $C h^2$ of $c(h)$") in doc
    assert (r"With one output it does not shrink with the error $e$: $\partial^3 E/\partial\theta^3$ holds the term "
            r"$3\,\partial y/\partial\theta\,\partial^2 y/\partial\theta^2$, without $e$, while the gradient "
            r"$-e\,\partial y/\partial\theta$ shrinks with it") in doc
    t, h = sp.symbols("theta h")
    E = sp.Function("E")
    c = lambda step: sp.series((E(t + step) - E(t - step)) / (2 * step), h, 0, 4).removeO().doit()  # noqa: E731
    C = sp.diff(E(t), t, 3) / 6
    assert sp.simplify(c(h) - sp.diff(E(t), t) - C * h**2) == 0
    assert sp.simplify(c(2 * h) - c(h) - 3 * C * h**2) == 0
    d_s = sp.Symbol("d")
    y = sp.Function("y")(t)
    third = sp.diff(sp.Rational(1, 2) * (d_s - y) ** 2, t, 3)
    assert sp.expand(third - (3 * sp.diff(y, t) * sp.diff(y, t, 2) - (d_s - y) * sp.diff(y, t, 3))) == 0
    assert sp.expand(sp.diff(sp.Rational(1, 2) * (d_s - y) ** 2, t) + (d_s - y) * sp.diff(y, t)) == 0

    ex = SMALL_ERROR["tanh-large-x-e-1e-3"]
    net, exact = net_of(ex), right_gradient(ex)
    for step in (1e-5, 1e-3):
        cut = GRADCHECK.truncation_error(net, ex["x"], ex["d"], step)
        noise = GRADCHECK.rounding_noise(net, ex["x"], ex["d"], step)
        for p in PARAMETERS:
            for idx in np.ndindex(exact[p].shape):
                c1, c2 = (plain_central_difference(ex, p, idx, s) for s in (step, 2 * step))
                # the same differences up to their rounding (the oracle sums in another order)
                assert cut[p][idx] == pytest.approx(abs(c2 - c1) / 3, rel=1e-6, abs=noise)
                if step == 1e-3 and p in ("w_hidden", "b_hidden"):  # truncation dominates: the error it estimates
                    assert cut[p][idx] == pytest.approx(abs(c1 - exact[p][idx]), rel=1e-3)
    y = oracle.iteration(ex)["y"]
    far = {**ex, "d": y + 1.0}  # the same network with an error of 1 in place of 1e-3
    small, large = (GRADCHECK.truncation_error(net, e["x"], e["d"])["w_hidden"][0, 0] for e in (ex, far))
    assert 0.5 < small / large < 2
    assert abs(right_gradient(far)["w_hidden"][0, 0] / exact["w_hidden"][0, 0]) > 500


def test_relative_error_takes_one_atol_per_entry():
    """atol as an array: each entry judged with its own (hand values): a gap of 1e-10 on gradients of 1e-4 is 0 with
    an atol of 2e-10 (their sum 2e-4 is below 2e-10 / RIGHT = 2e-3), and the plain 1e-10 / 2e-4 = 5e-7 with 1e-12."""
    r = GRADCHECK.relative_error([1e-4 + 1e-10, 1e-4 + 1e-10], [1e-4, 1e-4], atol=np.array([2e-10, 1e-12]))
    assert r[0] == 0.0 and r[1] == pytest.approx(1e-10 / 2e-4, rel=1e-5)


def test_worst_entry_gives_the_truncation_estimate():
    a = {"w_hidden": np.array([[0.5, 2e-4 + 1e-9]]), "b_output": np.array([1.0])}
    n = {"w_hidden": np.array([[0.5, 2e-4]]), "b_output": np.array([1.0])}
    cut = {"w_hidden": np.array([[0.0, 3e-12]]), "b_output": np.array([0.0])}
    assert GRADCHECK.worst_entry(a, n, 1e-12, cut) == ("w_hidden[0, 1]: analytic 0.000200001, central difference "
                                                       "0.0002, gap 1e-09, rounding noise 1e-12, truncation 3e-12, "
                                                       "r = 2.5e-06")
    cut["w_hidden"][0, 1] = 1e-9  # a gap within noise plus truncation, on a gradient below that over RIGHT: 0
    assert GRADCHECK.worst_entry(a, n, 1e-12, cut).endswith("r = 0")


@pytest.mark.parametrize(("args", "error", "match"), [
    (([1.0, math.nan], [1.0, 2.0]), ValueError, r"^analytic must be finite, found nan at index \(1,\)$"),
    (([1.0, 2.0], [1.0, 2.0, 3.0]), ValueError, r"^analytic has shape \(2,\) and numerical \(3,\): "),
    (("a", "b"), TypeError, r"^analytic must be numeric, got text 'a'"),
    (([1.0, 2.0], [1.0, 2.1], -1.0), ValueError, r"^atol must be one number >= 0, or one per entry \(shape \(2,\)\)"),
    (([1.0, 2.0], [1.0, 2.1], [0.1, 0.1, 0.1]), ValueError, r"^atol must be one number >= 0, or one per entry"),
])
def test_relative_error_names_bad_input(args, error, match):
    """A student's review: relative_error([1, nan], [1, 2]) returned [0, nan], shapes (2,) and (3,) raised numpy's
    broadcast error, and atol = -1 was taken. Each is refused, naming the argument."""
    from backprop.gradcheck import relative_error

    with pytest.raises(error, match=match):
        relative_error(*args)


def test_relative_error_by_hand():
    """|a - c| / max(|a| + |c|, 1e-8); an entry within atol whose plain r reads as a bug counts 0."""
    from backprop.gradcheck import relative_error

    got = relative_error([1.0, 2.0, 0.0], [1.0, 2.1, 0.0], [0.0, 0.2, 0.0])
    assert got[0] == 0.0 and got[1] == 0.0 and got[2] == 0.0
    assert relative_error([1.0, 2.0], [1.0, 2.1])[1] == pytest.approx(0.1 / 4.1, rel=1e-12)


def test_a_gap_of_exactly_atol_counts_zero():
    """A mutation review: a gap strictly below atol, where the docstring says at most atol, passed the tests. For 1 and
    0 the plain relative error is |1 - 0| / (1 + 0) = 1, at least RIGHT; the gap 1 is at most atol = 1, so it counts
    0; with atol just below the gap it stays 1."""
    from backprop.gradcheck import relative_error

    assert relative_error(1.0, 0.0, atol=1.0) == 0.0
    assert relative_error(1.0, 0.0, atol=0.999) == 1.0


def test_three_entries_that_are_not_finite_are_all_named_without_dots():
    """A mutation review: " ..." after exactly three entries passed the tests; the message names the first three and
    adds " ..." only when there are more. With w_41 = 1e300 and y_h1 = 0 (w_1k = b_1 = 0) the rules' gradient
    -e w_41 x_k (x = 1, 1) and -e w_41 overflow for w_11, w_12 and b_1 (e = 1e10), and -e y_h1 = 0 and -e do not."""
    import warnings

    net = Network([[0.0, 0.0]], [0.0], [[1e300]], [0.0], hidden="purelin", output="purelin")
    assert math.isinf(1e10 * 1e300)  # the premise: e w_41 is beyond a double's range
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(FloatingPointError) as raised:
            analytic_gradient(net, [1.0, 1.0], 1e10)
    assert str(raised.value).startswith(
        "the rules' gradient is not a finite number at w_hidden[0, 0], w_hidden[0, 1], b_hidden[0]: ")


def test_what_the_docstring_says_of_an_h_far_above_the_default_is_what_the_check_does():
    """A reviewer: the docstring said right rules "can read above 1e-4" at ``h = 0.1``; the check refuses that h
    with a ValueError instead, and at ``h = 0.01`` right rules read about 4.5e-6. Both checked on the shipped example,
    the 4.5e-6 against central differences in plain math (tests/support/oracle.py)."""
    from backprop.gradcheck import BUG

    ex = oracle.shipped()
    net = Network(ex["w_hidden"], ex["b_hidden"], ex["w_output"], ex["b_output"])
    with pytest.raises(ValueError, match=r"^h = 0\.1 judges only roughly the gradient of .*use an h near the default$"):
        gradient_check(net, ex["x"], ex["d"], 0.1)
    steps = oracle.trace_values(oracle.iteration(ex))
    names = {("w_hidden", (i, k)): f"Δw{i + 1}{k + 1}" for i in range(3) for k in range(2)}
    names |= {("b_hidden", (i,)): f"Δb{i + 1}" for i in range(3)}
    names |= {("w_output", (0, i)): f"Δw4{i + 1}" for i in range(3)} | {("b_output", (0,)): "Δb4"}
    h, worst = 0.01, 0.0
    for (name, idx), step in names.items():
        analytic = -steps[step] / ex["eta"]
        plus, minus = (oracle.moved_by(ex, name, idx, s) for s in (h, -h))
        numeric = (oracle.cost(plus, oracle.forward(plus)["y_output"])
                   - oracle.cost(minus, oracle.forward(minus)["y_output"])) / (2 * h)
        worst = max(worst, abs(analytic - numeric) / max(abs(analytic) + abs(numeric), 1e-8))
    assert RIGHT < worst < BUG  # "at h = 0.01 they can read between the two": the shipped example's do
    assert gradient_check(net, ex["x"], ex["d"], h) == pytest.approx(worst, rel=1e-3)
    doc = " ".join(inspect.getdoc(gradient_check).split())
    # it gave the worked example's figure (4.5e-6 at h = 0.01; 1e-14, 1e-12 and 0.1 refused on it), which an
    # instructor's example changes while the reference page keeps the text (a reviewer): no example's number now
    assert r"(at ``h = 0.01`` they can read between the two thresholds)" in doc and "worked example" not in doc
    far = doc[doc.index("far above it (``h = 0.1``)"):]
    assert far.startswith("far above it (``h = 0.1``) the check refuses to judge (the ``ValueError`` above)")
    assert "can read above" not in doc


@pytest.mark.parametrize("h", [1e-18, 1e-20])
def test_an_h_lost_in_a_parameters_rounding_is_refused_by_every_entry(h):
    """A reviewer's find: numerical_gradient(..., h=1e-20) returned all zeros (0.1 + 1e-20 is 0.1 as a double), and
    truncation_error 0, claiming no error, while the rules' gradient is far from 0. Each entry refuses such an h,
    naming the first parameter it is lost in (w_11 = 0.1 of a network of our own: half its last place is 6.9e-18)."""
    from backprop.gradcheck import rounding_noise, tolerance, truncation_error

    net = Network(w_hidden=[[0.1, 0.2]], b_hidden=[0.0], w_output=[[1.0]], b_output=[0.0])
    assert 0.1 + h == 0.1 and 0.1 + 1e-17 != 0.1  # the premise, plain floats
    for entry in (numerical_gradient, truncation_error, tolerance, rounding_noise, gradient_check):
        with pytest.raises(ValueError, match=re.escape(f"h = {h:g} is lost in the rounding of w_hidden[0, 0] = 0.1: "
                                                       "theta + h and theta - h are theta itself as a double")):
            entry(net, [1.0, 1.0], 0.5, h=h)
    # one side only (a code review: the message said both): 1 + 1e-16 is 1, 1 - 1e-16 is not, by plain floats
    assert 1.0 + 1e-16 == 1.0 != 1.0 - 1e-16
    one = Network(w_hidden=[[1.0, 0.2]], b_hidden=[0.0], w_output=[[1.0]], b_output=[0.0])
    with pytest.raises(ValueError, match=re.escape("h = 1e-16 is lost in the rounding of w_hidden[0, 0] = 1.0: theta "
                                                   "+ h is theta itself as a double")):
        numerical_gradient(one, [1.0, 1.0], 0.5, h=1e-16)
    assert numerical_gradient(net, [1.0, 1.0], 0.5, h=1e-5)["w_hidden"][0, 0] != 0  # a usual h is not refused


def test_every_default_step_is_H():
    """Each function's default h is written 1e-5 in its signature, so that the API reference shows the number; they
    must all be the one step H the verification page describes."""
    from backprop import gradcheck

    steps = {f.__name__: inspect.signature(f).parameters["h"].default
             for f in (gradcheck.numerical_gradient, gradcheck.gradient_check, gradcheck.truncation_error,
                       gradcheck.tolerance, gradcheck.rounding_noise, gradcheck._checked)}
    assert set(steps.values()) == {gradcheck.H}, steps
