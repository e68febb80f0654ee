using TinyTorch;

namespace Course.Specs.Core;

/// <summary>
/// Checks on what timed work produced, before its time counts: a time budget is met by doing the work, so a run
/// whose batches are wrong, missing or made up fails with what differed, whatever its time.
/// </summary>
public static class TimedOutputs
{
    /// <summary>Fails unless the run produced exactly the expected batches, in order; else returns its CPU time.</summary>
    /// <param name="run">The timed run.</param>
    /// <param name="expected">The batches the reference makes from the same input.</param>
    /// <param name="what">What each batch is, for the message (<c>the batch collated from list {0}</c>).</param>
    /// <returns>The run's CPU time.</returns>
    /// <exception cref="SpecFailure">A batch differs, or their number does.</exception>
    public static TimeSpan Matching(TimedRun run, IReadOnlyList<IReadOnlyList<Tensor>> expected, string what)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(expected);
        if (run.Outputs.Count != expected.Count)
        {
            throw new SpecFailure($"Expected the timed work to make {expected.Count:N0} batches, but it made {run.Outputs.Count:N0}.");
        }

        for (int k = 0; k < expected.Count; k++)
        {
            IReadOnlyList<TensorSummary> made = run.Outputs[k];
            if (made.Count != expected[k].Count)
            {
                throw new SpecFailure($"Expected {string.Format(null, what, k)} to hold {expected[k].Count} tensors, but it held {made.Count}.");
            }

            for (int p = 0; p < made.Count; p++)
            {
                if (!made[p].Matches(expected[k][p]))
                {
                    throw new SpecFailure(
                        $"Expected tensor {p} of {string.Format(null, what, k)} to equal the reference's ({Expect.ShapeOf(expected[k][p])}), but it was {made[p].ShapeText} with other values: a time is only counted for the right result.");
                }
            }
        }

        return run.Cpu;
    }

    /// <summary>
    /// Fails unless the run is the first <paramref name="batches"/> batches of an epoch over a made-up dataset of
    /// <paramref name="count"/> samples (<see cref="ISpecWorld.Synthetic"/>), each of <paramref name="batchSize"/>
    /// samples: no sample twice, each row of features matching its label.
    /// </summary>
    /// <param name="run">The timed run.</param>
    /// <param name="count">The dataset's size.</param>
    /// <param name="features">Values per sample.</param>
    /// <param name="batchSize">The loader's batch size.</param>
    /// <param name="batches">How many batches the run read.</param>
    /// <returns>The run's CPU time.</returns>
    /// <exception cref="SpecFailure">The batches are not such a start of an epoch.</exception>
    public static TimeSpan StartOf(TimedRun run, int count, int features, int batchSize, int batches)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Outputs.Count != batches)
        {
            throw new SpecFailure($"Expected an epoch of {count:N0} samples in batches of {batchSize} to give at least {batches} batches, but it gave {run.Outputs.Count:N0}.");
        }

        var seen = new bool[count];
        for (int k = 0; k < batches; k++)
        {
            Batch(run.Outputs[k], k, batchSize, features, seen, $"an epoch of {count:N0} samples");
        }

        return run.Cpu;
    }

    // Batch k of an epoch over a made-up dataset: (features, labels) of the given size, each label a sample not seen before,
    // each row of features filled with its label.
    private static void Batch(IReadOnlyList<TensorSummary> batch, int k, int size, int features, bool[] seen, string epoch)
    {
        if (batch.Count != 2 || batch[1].Values is not { } labels || labels.Length != size)
        {
            throw new SpecFailure($"Expected batch {k} of {epoch} to be (features, labels) of {size} samples, but it held {batch.Count} tensors of shapes {string.Join(", ", batch.Select(t => t.ShapeText))}.");
        }

        var expected = new float[size * features];
        for (int s = 0; s < size; s++)
        {
            float label = labels[s];
            int i = (int)label;
            if (i != label || i < 0 || i >= seen.Length || seen[i])
            {
                throw new SpecFailure($"Expected {epoch} to hold each of its {seen.Length:N0} samples once, but batch {k} held label {label} {(i == label && i >= 0 && i < seen.Length ? "again" : "which is no sample's")}.");
            }

            seen[i] = true;
            expected.AsSpan(s * features, features).Fill(i);
        }

        if (!batch[0].Matches(new Tensor(expected, size, features)))
        {
            throw new SpecFailure($"Expected the features of batch {k} of {epoch} to be its samples' ([{size}, {features}]), but they were {batch[0].ShapeText} with other values: a time is only counted for the right result.");
        }
    }
}
