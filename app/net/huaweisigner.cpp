#include "huaweisigner.h"
