using System.Net;
using System.Net.Sockets;

namespace NewsReader.Testing;

/// <summary>A loopback port nothing listens on, for a server that the tests start.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
