global using Sozialplattform.Catalog.Tests.Support;
