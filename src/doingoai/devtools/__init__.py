"""Developer tools on top of every app: the demo province, the national-scale data set, the load test, benchmarks.

Nothing in the product imports this package; it may import any app.
"""
