"""negotiation-timeline: the Russia–Ukraine direct talks on one sourced, interactive timeline."""
