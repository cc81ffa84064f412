"""What numbjournal draws for people to keep or show: charts and the doctor summary."""
