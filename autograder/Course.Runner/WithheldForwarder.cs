using System.Reflection;
using System.Text.Json.Nodes;
using Course.Boundary;
using TinyTorch;

namespace Course.Runner;

/// <summary>
/// Connects the withheld edition of TinyTorch to the parent: a forwarded member (the one reference operation an
/// exercise is given, <c>Tensor.Stack</c>) asks the parent, which answers unless the check running is the one
/// whose answer the member is. The runner refuses to start beside the full edition: a submission would find every
/// reference answer in it.
/// </summary>
internal static class WithheldForwarder
{
    public static void Install(ObjectHost host)
    {
        Assembly library = typeof(Tensor).Assembly;
        PropertyInfo forwarder = library.GetType("TinyTorch.Grading.WithheldReference")?.GetProperty("Forwarder", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException(
                $"{library.Location} is the full edition of TinyTorch, not the withheld one: the runner will not run submissions beside the reference answers. Build autograder/Course.Runner, which lays the editions out.");
        forwarder.SetValue(null, new Func<string, object?[], object?>((member, arguments) => Forward(host, member, arguments)));
    }

    private static object? Forward(ObjectHost host, string member, object?[] arguments)
    {
        var payload = new Payload();
        var body = new JsonObject
        {
            ["member"] = member,
            ["arguments"] = new JsonArray(arguments.Select(a => (JsonNode?)(a switch
            {
                Tensor t => new JsonObject { ["tensor"] = ObjectHost.WriteValues([t], payload) },
                IEnumerable<Tensor> list => new JsonObject { ["tensors"] = ObjectHost.WriteValues(list, payload) },
                _ => throw new InvalidOperationException($"{member} was called with a {a?.GetType().Name ?? "null"}, which cannot be forwarded."),
            })).ToArray()),
        };
        BoundaryReply reply = host.Call("reference.invoke", body, payload);
        return host.ReadTensor(reply.Body["result"], reply.Payload);
    }
}
