// These tests start `course` processes that run notebooks and grade submissions, and grading measures
// time against the reference: run one test class at a time so the processes do not compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
