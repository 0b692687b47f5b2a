"""backprop.readings_verification: what the verification page says of its gradient table and its h table, on small
networks. The page's text for every example file is checked against the plain-math reference in
tests/pages/test_verification.py."""

from __future__ import annotations

import re

from backprop import Network, readings_verification

NET = Network(w_hidden=[[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]], b_hidden=[0.1, -0.2, 0.3],
              w_output=[[0.4, 0.3, -0.6]], b_output=[0.2])


def test_the_gradient_table_names_what_one_point_cannot_see():
    """x = (1, 1): a factor x_k too many or too few, and x_2 taken for x_1, pass at this point; with a linear output,
    a rule without f'(v_4) passes at every point."""
    said = readings_verification.gradient_table(NET, [1.0, 1.0], [0.9])
    assert "the package's four rules give the slopes of $E$" in said
    assert ("here a hidden rule with a factor $x_1$ or $x_2$ too many or too few (each is 1 here) and a hidden rule "
            "that takes $x_2$ for $x_1$ (the two are equal here) would pass too.") in said
    assert "With a linear output, whose slope $f'(v_4)$ is 1 everywhere" in said
    other = readings_verification.gradient_table(NET, [0.7, -0.4], [0.9])
    assert "A check at one point cannot see every slip" not in other


def test_the_h_table_reads_the_orders_of_the_two_differences():
    """Truncation: O(h^2) for the central difference, O(h) for the one-sided one, so from h = 10^-2 to 10^-4 their
    errors fall by about 2 and 1 digits per factor of ten in h (a property of the differences, not of this code)."""
    said = readings_verification.h_table(NET, [0.7, -0.4], [0.9])
    central = re.search(r"the central difference gains (\d\.\d) digits per factor of ten", said)
    one_sided = re.search(r"the one-sided difference gains (\d\.\d) digits per factor of ten", said)
    assert central and one_sided, said[:300]
    assert abs(float(central[1]) - 2) <= 0.2 and abs(float(one_sided[1]) - 1) <= 0.2
