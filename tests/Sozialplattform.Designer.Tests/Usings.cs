global using Sozialplattform.Designer.TestHost.Testing;
