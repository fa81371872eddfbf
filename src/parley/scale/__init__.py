"""Scale out: code a collection on a Dask cluster and merge the results into one store.

    >>> from parley.scale import dask_ingest
    >>> report = dask_ingest(["articles.jsonl"], db="parley.duckdb", cluster="local:4")

The same call runs on a LocalCluster ("local", "local:N"), a remote scheduler ("tcp://host:8786") or an HPC
batch system through dask-jobqueue (a scheduler file, or a `distributed.Client`). docs/scale.md tells how,
with a capacity model. Needs the `dask` extra (`pip install 'parley[dask]'`).
"""

from parley.scale.ingest import DEFAULT_RETRIES, DEFAULT_SHARD_SIZE, ShippedCoder, dask_ingest, local_cluster

__all__ = ["DEFAULT_RETRIES", "DEFAULT_SHARD_SIZE", "ShippedCoder", "dask_ingest", "local_cluster"]
