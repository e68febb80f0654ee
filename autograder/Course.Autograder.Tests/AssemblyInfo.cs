// Several graded properties measure time against the reference in this process; tests running in
// parallel would load one side of a comparison and not the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
