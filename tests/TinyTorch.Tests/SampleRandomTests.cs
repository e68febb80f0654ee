using CsCheck;

namespace TinyTorch.Tests;

public class SampleRandomTests
{
    private static ulong[] Draws(SampleRandom random, int count)
    {
        var draws = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            draws[i] = (ulong)random.Next(int.MaxValue);
        }

        return draws;
    }

    [Fact]
    public void SameSeedEpochAndIndex_SameDraws_AndEachOfThemChangesTheDraws()
    {
        Gen.Select(Gen.Int, Gen.Int[0, 1000], Gen.Int[0, 100_000]).Sample((seed, epoch, index) =>
        {
            var draws = Draws(new SampleRandom(seed, epoch, index), 4);

            Assert.Equal(draws, Draws(new SampleRandom(seed, epoch, index), 4));
            Assert.NotEqual(draws, Draws(new SampleRandom(seed + 1, epoch, index), 4));
            Assert.NotEqual(draws, Draws(new SampleRandom(seed, epoch + 1, index), 4));
            Assert.NotEqual(draws, Draws(new SampleRandom(seed, epoch, index + 1), 4));
        });
    }

    [Fact]
    public void SwappingEpochAndIndex_GivesOtherDraws()
    {
        // (seed, epoch, index) is hashed as a triple, not summed.
        Assert.NotEqual(Draws(new SampleRandom(1, 2, 3), 4), Draws(new SampleRandom(1, 3, 2), 4));
        Assert.NotEqual(Draws(new SampleRandom(0, 0, 1), 4), Draws(new SampleRandom(0, 1, 0), 4));
    }

    [Fact]
    public void Next_IsUniformOverItsRange_AcrossSamples()
    {
        // The first draw of 90,000 consecutive samples (what a flip or crop of each sample draws): each of
        // the 9 values is expected 10,000 times, standard deviation about 94; 5 sd would fail a uniform
        // generator with probability below 1e-5, and the outcome is fixed by the seed.
        var counts = new int[9];
        for (int index = 0; index < 90_000; index++)
        {
            var random = new SampleRandom(12, 3, index);
            int value = random.Next(9);
            Assert.InRange(value, 0, 8);
            counts[value]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 10_000 - 470, 10_000 + 470));
    }

    [Fact]
    public void Next_OfALargeBound_StaysInRange()
    {
        var random = new SampleRandom(1, 1, 1);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.Next(int.MaxValue), 0, int.MaxValue - 1);
            Assert.InRange(random.Next(3), 0, 2);
        }
    }

    [Fact]
    public void Next_ZeroOrOne_IsZero_AndStillDraws()
    {
        var random = new SampleRandom(5, 0, 0);
        var reference = new SampleRandom(5, 0, 0);

        Assert.Equal(0, random.Next(0));
        Assert.Equal(0, random.Next(1));
        reference.Next(7);
        reference.Next(7);
        // Both made two draws, so the third is the same: the number of draws never depends on the bound.
        Assert.Equal(reference.Next(1000), random.Next(1000));
    }

    [Fact]
    public void Next_NegativeBound_ThrowsArgumentOutOfRange_NamingTheValue()
    {
        var random = new SampleRandom(0, 0, 0);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(-3));

        Assert.Equal("maxExclusive", ex.ParamName);
        Assert.Equal(-3, ex.ActualValue);
        Assert.Contains("-3", ex.Message);
    }

    [Fact]
    public void NextDouble_IsInZeroToOne_WithMeanOneHalf()
    {
        // 100,000 draws: the mean's standard deviation is 1/sqrt(12 * 1e5) ≈ 0.0009; 5 sd is 0.0046.
        var random = new SampleRandom(3, 0, 7);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double x = random.NextDouble();
            Assert.InRange(x, 0.0, Math.BitDecrement(1.0));
            sum += x;
        }

        Assert.InRange(sum / 100_000, 0.5 - 0.0046, 0.5 + 0.0046);
    }

    [Fact]
    public void NeighbouringSamples_DrawIndependently()
    {
        // A flip of probability 0.5 for samples i and i + 1: they agree half of the time if independent.
        // 20,000 pairs: sd 0.0035, tolerance 5 sd.
        int agree = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var a = new SampleRandom(9, 0, i);
            var b = new SampleRandom(9, 0, i + 1);
            agree += (a.NextDouble() < 0.5) == (b.NextDouble() < 0.5) ? 1 : 0;
        }

        Assert.InRange(agree / 20_000.0, 0.5 - 0.0175, 0.5 + 0.0175);
    }

    [Fact]
    public void Fork_DependsOnTheKeyOnly_NotOnTheDrawsMadeSoFar()
    {
        var fresh = new SampleRandom(4, 2, 10);
        var used = new SampleRandom(4, 2, 10);
        used.Next(100);
        used.NextDouble();

        Assert.Equal(Draws(fresh.Fork(1), 4), Draws(used.Fork(1), 4));
    }

    [Fact]
    public void Forks_DifferFromEachOther_AndFromTheirParent()
    {
        var parent = new SampleRandom(4, 2, 10);

        var own = Draws(parent, 4);
        var one = Draws(parent.Fork(1), 4);
        var two = Draws(parent.Fork(2), 4);

        Assert.NotEqual(own, one);
        Assert.NotEqual(own, two);
        Assert.NotEqual(one, two);
        Assert.NotEqual(one, Draws(new SampleRandom(4, 2, 11).Fork(1), 4));
    }

    [Fact]
    public void ACopy_ContinuesFromTheSamePoint_Independently()
    {
        // A struct: a copy carries the position, which is why transforms take it by ref.
        var random = new SampleRandom(6, 1, 2);
        random.Next(10);
        var copy = random;

        Assert.Equal(random.Next(1 << 30), copy.Next(1 << 30));
        Assert.Equal(random.NextDouble(), copy.NextDouble());
    }
}
