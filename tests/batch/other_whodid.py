"""A Dask preload (``dask worker --preload tests/batch/other_whodid.py``): the worker's whodid says it
is another version from before the worker joins the cluster, as a worker with another install would."""

from whodid.batch import cluster

cluster.__version__ = "0.0.1-other"
