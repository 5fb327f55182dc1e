"""Development tools: dataset, benchmarks, the development instance's owner account."""
