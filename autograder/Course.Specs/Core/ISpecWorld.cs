using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Core;

/// <summary>
/// Where the code under test runs, seen by the checks: in this process (a notebook's check cell, the xunit
/// specs) or in another one behind the grading boundary. The few checks that look at objects rather than
/// values (is this the same tensor, does the batch share memory with a sample, how much CPU did it take)
/// ask the world, so that one check means the same thing in both.
/// </summary>
public interface ISpecWorld
{
    /// <summary>Whether two tensors are the same object where the code under test runs.</summary>
    /// <param name="a">A tensor.</param>
    /// <param name="b">Another.</param>
    /// <returns>True when they are one object there.</returns>
    bool SameObject(Tensor a, Tensor b);

    /// <summary>Overwrites every value of a tensor where the code under test runs (and here).</summary>
    /// <param name="tensor">A tensor given to or returned by the code under test.</param>
    /// <param name="value">The value.</param>
    void Fill(Tensor tensor, float value);

    /// <summary>The tensor's values as they are now where the code under test runs.</summary>
    /// <param name="tensor">A tensor given to or returned by the code under test.</param>
    /// <returns>A tensor holding its current values.</returns>
    Tensor Refresh(Tensor tensor);

    /// <summary>
    /// A <see cref="Doubles.CountingDataset"/> that lives where the code under test runs, so that a loader reading
    /// it pays no cost of crossing a boundary (what time budgets need). Sample i is (i repeated, label i): data
    /// made up, not given tensors, so it can stand in for no exercise's answer.
    /// </summary>
    /// <param name="count">The number of samples.</param>
    /// <param name="features">Values per sample's feature tensor.</param>
    /// <param name="prebuilt">Whether every read hands out samples built in advance (a read then allocates nothing).</param>
    /// <returns>The dataset.</returns>
    Dataset<Tensor[]> Synthetic(int count, int features, bool prebuilt = false);

    /// <summary>
    /// Collects garbage where the code under test runs, before timed work: a collection owed by the last run's garbage
    /// is then not billed to the next one.
    /// </summary>
    void Settle();

    /// <summary>
    /// The CPU time the code under test used while <paramref name="action"/> ran: what complexity and time budgets
    /// compare. The values of tensors the code returns meanwhile need not be brought back (the action discards
    /// them), so that what is measured is the code's work and not the cost of crossing a boundary.
    /// </summary>
    /// <param name="action">Calls the code under test.</param>
    /// <returns>The CPU time.</returns>
    TimeSpan StudentCpu(Action action);

    /// <summary>
    /// Collates each list of samples once with <paramref name="collate"/> where the code under test runs, timing all
    /// of it and summarising every batch made: what collate budgets measure. The samples are put there first, outside
    /// the timing, and nothing large comes back inside it, so what is timed is the collation.
    /// </summary>
    /// <param name="collate">The collate function under test (or the reference's).</param>
    /// <param name="sampleLists">The lists of samples, each collated once, in order.</param>
    /// <returns>The CPU time and a summary of each batch.</returns>
    TimedRun CollateEach(Func<IReadOnlyList<Tensor[]>, Tensor[]> collate, IReadOnlyList<IReadOnlyList<Tensor[]>> sampleLists);

    /// <summary>
    /// Enumerates <paramref name="batches"/> (a loader's epoch) to its end where it lives, timing it and summarising
    /// every batch: what epoch budgets measure, without the cost of carrying each batch back being timed with it.
    /// </summary>
    /// <param name="batches">The batches: a loader under test (or the reference's).</param>
    /// <param name="epochs">How many times to enumerate them, one epoch after another (the summaries of all, in order).</param>
    /// <returns>The CPU time and a summary of each batch.</returns>
    TimedRun Drain(IEnumerable<IReadOnlyList<Tensor>> batches, int epochs = 1);

    /// <summary>
    /// Begins an epoch of <paramref name="batches"/> where it lives and reads its first batch untimed (the epoch's start:
    /// making and shuffling the index list, and whatever else a loader does once an epoch), then times the next
    /// <paramref name="count"/> batches, each followed by a made-up training step of <paramref name="stepRounds"/> rounds
    /// of arithmetic (about a nanosecond each): what a batch costs in a training loop, apart from the epoch's start. Every
    /// batch read is summarised.
    /// </summary>
    /// <param name="batches">The batches: a loader under test (or the reference's).</param>
    /// <param name="count">How many batches after the first to time (fewer when the epoch ends sooner).</param>
    /// <param name="stepRounds">The training step's work after each timed batch, 0 to <see cref="InProcessWorld.MaxStepRounds"/>.</param>
    /// <returns>The CPU time of the batches after the first, and a summary of each batch read, the first included.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not 1 to 100,000, or <paramref name="stepRounds"/> is out of its range.</exception>
    TimedRun DrainAfterFirst(IEnumerable<IReadOnlyList<Tensor>> batches, int count, int stepRounds);

    /// <summary>Bytes the code under test read from files while <paramref name="action"/> ran.</summary>
    /// <param name="action">Calls the code under test.</param>
    /// <returns>The count.</returns>
    long StudentBytesRead(Action action);

    /// <summary>A folder for files the checks make (a CIFAR file) that the code under test can open and the checks can rewrite.</summary>
    string ScratchFolder { get; }
}
