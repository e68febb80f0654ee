namespace TinyTorch.Analysis.Measurement;

/// <summary>Argument checks shared by the instruments, with messages that name the offending value.</summary>
internal static class Require
{
    public static int[] PositiveSizes(IEnumerable<int> sizes, string paramName)
    {
        ArgumentNullException.ThrowIfNull(sizes, paramName);
        int[] array = sizes.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("Give at least one size to measure.", paramName);
        }

        foreach (int size in array)
        {
            if (size < 1)
            {
                throw new ArgumentOutOfRangeException(paramName, size, $"Every size must be at least 1, but one was {size}.");
            }
        }

        return array;
    }

    public static void AtLeastOne(int value, string paramName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1, but was {value}.");
        }
    }
}
