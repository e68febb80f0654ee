// The channel tests start threads and wait on pipes with time limits; run one at a time, so that a 2-core machine
// busy with another test class cannot push a healthy wait past its limit.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
