"""Code a whole corpus on a Dask cluster into a folder of Parquet shards: ``whodid batch``.

``partitions`` cuts the input into numbered partitions, ``cluster`` loads the pipeline on each Dask
worker (a worker plugin) and codes a partition there, ``shards`` writes a partition's tables whole or
not at all, ``manifest`` keeps the list of finished partitions, so a re-run goes on where a crash
stopped, ``run`` drives it all from the client, and ``load`` stores a finished folder
(``whodid ingest DIR``). Only ``cluster`` and ``run`` need Dask (``pip install 'whodid[batch]'``).
"""
