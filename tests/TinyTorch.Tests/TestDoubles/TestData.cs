using TinyTorch.Data;

namespace TinyTorch.Tests.TestDoubles;

/// <summary>Deterministic data and small independent helpers shared by the tests.</summary>
internal static class TestData
{
    /// <summary>
    /// The value of feature <paramref name="j"/> of sample <paramref name="i"/> in every synthetic dataset of
    /// these tests: distinct, non-zero and exactly representable as float32 for the sizes used here.
    /// </summary>
    public static float Feature(int i, int j) => i * 1000 + j + 0.25f;

    /// <summary>Features [n, ..featureShape] with <see cref="Feature"/> values and labels [n] with label i = i.</summary>
    public static TensorDataset Indexed(int n, params int[] featureShape)
    {
        int f = 1;
        foreach (int d in featureShape)
        {
            f *= d;
        }

        var features = new float[n * f];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < f; j++)
            {
                features[i * f + j] = Feature(i, j);
            }
        }

        var labels = new float[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i;
        }

        return new TensorDataset(new Tensor(features, [n, .. featureShape]), new Tensor(labels, n));
    }

    /// <summary>A tensor holding 1, 2, ..., Length in row-major order (unique and non-zero).</summary>
    public static Tensor Sequence(params int[] shape)
    {
        int n = 1;
        foreach (int d in shape)
        {
            n *= d;
        }

        var data = new float[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = i + 1;
        }

        return new Tensor(data, shape);
    }

    /// <summary>A tensor of values drawn uniformly from [-1, 1) by <paramref name="random"/>.</summary>
    public static Tensor Random(Random random, params int[] shape)
    {
        int n = 1;
        foreach (int d in shape)
        {
            n *= d;
        }

        var data = new float[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return new Tensor(data, shape);
    }

    /// <summary>The labels of a batch's position 1 as ints (the sample indices for <see cref="Indexed"/> data).</summary>
    public static int[] Labels(Batch batch)
    {
        var values = batch[1].Values;
        var labels = new int[values.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = (int)values[i];
        }

        return labels;
    }

    /// <summary>The expected feature values of the rows <paramref name="indices"/> of an <see cref="Indexed"/> dataset.</summary>
    public static float[] ExpectedFeatures(IReadOnlyList<int> indices, int featuresPerSample)
    {
        var expected = new float[indices.Count * featuresPerSample];
        for (int s = 0; s < indices.Count; s++)
        {
            for (int j = 0; j < featuresPerSample; j++)
            {
                expected[s * featuresPerSample + j] = Feature(indices[s], j);
            }
        }

        return expected;
    }

    /// <summary>Asserts two value sequences are equal element by element, naming the first difference.</summary>
    public static void AssertValues(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                Assert.Fail($"Values differ at {i}: expected {expected[i]}, got {actual[i]}.");
            }
        }
    }

    /// <summary>Asserts that two batches have the same tensors: same shapes and exactly the same values.</summary>
    public static void AssertSameBatch(Batch expected, Batch actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int p = 0; p < expected.Count; p++)
        {
            Assert.Equal(expected[p].Shape, actual[p].Shape);
            AssertValues(expected[p].Values, actual[p].Values);
        }
    }

    /// <summary>Deep copies of every batch of one epoch, disposing the originals.</summary>
    public static List<Batch> Epoch(IEnumerable<Batch> loader)
    {
        var result = new List<Batch>();
        foreach (var batch in loader)
        {
            using (batch)
            {
                result.Add(batch.Clone());
            }
        }

        return result;
    }

    /// <summary>
    /// Polls <paramref name="read"/> until its value has not changed for <paramref name="quiet"/>, or
    /// <paramref name="timeout"/> passes, and returns the last value. Only a bounded wait: callers assert
    /// on the counts, never on the time taken.
    /// </summary>
    public static long WaitUntilStable(Func<long> read, TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long last = read();
        var lastChange = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
            long now = read();
            if (now != last)
            {
                last = now;
                lastChange = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - lastChange >= quiet)
            {
                break;
            }
        }

        return last;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; returns whether it held.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }
}
