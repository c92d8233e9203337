"""Evidence: check a score profile against where data centers were really built.

- :mod:`.labels` — which candidates hold a known site (point inside, or a polygon covering enough of it);
- :mod:`.backtest` — ROC AUC with a bootstrap interval, precision and lift at the top, each
  criterion's own AUC and distributions, and which exclusions remove known sites;
- :mod:`.calibrate` — fit a profile's weights, transform parameters, voltage thresholds and minimum
  area to out-of-sample AUC under spatial block cross-validation;
- :mod:`.diagnostics` — criteria that cannot tell the candidates apart, minimums that exclude most.

Every analysis is one Qt-free function with plain inputs, a progress callback and cancellation.
"""
