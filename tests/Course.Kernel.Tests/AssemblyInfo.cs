// Several tests start kernel processes, Jupyter's Python tools and whole notebooks; on a 2-core machine they
// would compete with each other (and time out), so test classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
