using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>A call failed on the other side; <see cref="Description"/> says with what (see <see cref="ExceptionCodec"/>).</summary>
/// <remarks>The message is the description's, cut to <see cref="ExceptionCodec.MaxMessageLength"/>; the description is the other side's, unchecked.</remarks>
public sealed class BoundaryRemoteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="description">The failure as the other side described it.</param>
    public BoundaryRemoteException(JsonObject description)
        : base(ExceptionCodec.MessageOf(description))
    {
        Description = description;
    }

    /// <summary>The failure: the exception's type chain, message and inner exception.</summary>
    public JsonObject Description { get; }
}
