"""Operations: the switches an operator or merchant flips when something is wrong (degradation)."""
