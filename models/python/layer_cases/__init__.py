"""Layer golden case groups: one module per group, each defining CASES (see layer_golden.Case)."""
