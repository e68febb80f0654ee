using TinyTorch;
using TinyTorch.Data;

namespace Course.Specs.Core;

/// <summary>The constructor arguments the graded DataLoader exercise takes.</summary>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Shuffle">Whether each epoch is shuffled.</param>
/// <param name="DropLast">Whether a final, smaller batch is dropped.</param>
/// <param name="Seed">The loader's seed.</param>
public sealed record LoaderSettings(int BatchSize, bool Shuffle = false, bool DropLast = false, int Seed = 0);

/// <summary>
/// A data loader under test, seen through what every loader has: its batch count and its batches.
/// Each enumeration of <see cref="Batches"/> is one epoch.
/// </summary>
/// <param name="Count">Reads the loader's <c>Count</c> (batches per epoch).</param>
/// <param name="Batches">The loader itself, as a sequence of batches (each a list of tensors).</param>
public sealed record LoaderUnderTest(Func<int> Count, IEnumerable<IReadOnlyList<Tensor>> Batches);

/// <summary>Makes a <see cref="LoaderUnderTest"/> over a dataset.</summary>
/// <param name="dataset">The dataset to load from.</param>
/// <param name="settings">The loader's settings.</param>
/// <returns>The loader.</returns>
public delegate LoaderUnderTest LoaderFactory(Dataset<Tensor[]> dataset, LoaderSettings settings);
